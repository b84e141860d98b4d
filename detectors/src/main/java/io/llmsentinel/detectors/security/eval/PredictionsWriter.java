package io.llmsentinel.detectors.security.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.llmsentinel.detectors.security.scan.PromptVerdict;
import io.llmsentinel.detectors.security.scan.SensitiveFinding;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one JSON line per dataset row, in input order:
 *
 * <ul>
 *   <li>injection: {@code {"index","label","predicted","score","category","rules"}};
 *   <li>PII: {@code {"index","findings":[{"type","start","end"}]}}.
 * </ul>
 *
 * Neither form contains text from the dataset.
 */
public final class PredictionsWriter implements PredictionSink, Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;

    public PredictionsWriter(Path file) throws IOException {
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    @Override
    public void injection(int index, InjectionExample example, PromptVerdict verdict) {
        line(
                g -> {
                    g.writeNumberField("index", index);
                    g.writeNumberField("label", example.label());
                    g.writeNumberField("predicted", verdict.attack() ? 1 : 0);
                    g.writeNumberField("score", Math.round(verdict.score() * 1e4) / 1e4);
                    g.writeStringField("category", verdict.category().name());
                    g.writeArrayFieldStart("rules");
                    for (String rule : verdict.ruleIds()) {
                        g.writeString(rule);
                    }
                    g.writeEndArray();
                });
    }

    @Override
    public void pii(int index, List<SensitiveFinding> findings) {
        line(
                g -> {
                    g.writeNumberField("index", index);
                    g.writeArrayFieldStart("findings");
                    for (SensitiveFinding f : findings) {
                        g.writeStartObject();
                        g.writeStringField("type", f.type().name());
                        g.writeNumberField("start", f.start());
                        g.writeNumberField("end", f.end());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                });
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private void line(Fields fields) {
        try {
            JsonGenerator g = JSON.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
            g.close();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
