package io.llmsentinel.detectors.security.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSONL evaluation dataset and tells its kind from the fields of its rows: {@code label}
 * makes a prompt-injection dataset, {@code spans} a PII dataset. Every row must be of the same
 * kind; anything malformed is a {@link DatasetFormatException} naming the line.
 */
public final class DatasetReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetReader() {}

    public static EvalDataset read(Path file) throws IOException {
        List<InjectionExample> injection = new ArrayList<>();
        List<PiiExample> pii = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = parse(line, number);
                if (row.has("label")) {
                    injection.add(injectionRow(row, number));
                } else if (row.has("spans")) {
                    pii.add(piiRow(row, number));
                } else {
                    throw new DatasetFormatException(
                            "line " + number + ": neither 'label' nor 'spans': unknown row kind");
                }
                if (!injection.isEmpty() && !pii.isEmpty()) {
                    throw new DatasetFormatException(
                            "line " + number + ": injection and PII rows mixed in one file");
                }
            }
        }
        if (injection.isEmpty() && pii.isEmpty()) {
            throw new DatasetFormatException("no rows in " + file);
        }
        return injection.isEmpty()
                ? new EvalDataset.Pii(pii)
                : new EvalDataset.Injection(injection);
    }

    private static JsonNode parse(String line, int number) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new DatasetFormatException("line " + number + ": not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(
                    "line " + number + ": invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode row, int number) {
        JsonNode text = row.get("text");
        if (text == null || !text.isTextual()) {
            throw new DatasetFormatException("line " + number + ": missing string field 'text'");
        }
        return text.asText();
    }

    private static InjectionExample injectionRow(JsonNode row, int number) {
        JsonNode label = row.get("label");
        if (!label.canConvertToInt() || (label.asInt() != 0 && label.asInt() != 1)) {
            throw new DatasetFormatException("line " + number + ": 'label' must be 0 or 1");
        }
        return new InjectionExample(
                text(row, number),
                label.asInt(),
                row.path("kind").asText("unknown"),
                row.path("source").asText("unknown"));
    }

    private static PiiExample piiRow(JsonNode row, int number) {
        String text = text(row, number);
        JsonNode spans = row.get("spans");
        if (!spans.isArray()) {
            throw new DatasetFormatException("line " + number + ": 'spans' must be an array");
        }
        List<LabeledSpan> out = new ArrayList<>();
        for (JsonNode span : spans) {
            JsonNode type = span.get("entity_type");
            JsonNode start = span.get("start_position");
            JsonNode end = span.get("end_position");
            if (type == null
                    || !type.isTextual()
                    || start == null
                    || !start.canConvertToInt()
                    || end == null
                    || !end.canConvertToInt()) {
                throw new DatasetFormatException(
                        "line "
                                + number
                                + ": a span needs 'entity_type', 'start_position' and"
                                + " 'end_position'");
            }
            int s = start.asInt();
            int e = end.asInt();
            if (s < 0 || e < s || e > text.length()) {
                throw new DatasetFormatException(
                        "line " + number + ": span [" + s + ", " + e + ") outside the text");
            }
            out.add(new LabeledSpan(type.asText(), s, e));
        }
        return new PiiExample(text, out);
    }
}
