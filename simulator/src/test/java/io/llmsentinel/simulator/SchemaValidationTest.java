package io.llmsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.encode.EncodedRecord;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every valid JSON record validates against llm-event.schema.json; every hostile one does not. */
class SchemaValidationTest {
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in =
                LlmEvent.class.getResourceAsStream("/schemas/v1/llm-event.schema.json")) {
            schema =
                    SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                            .getSchema(in);
        }
    }

    @Test
    void everyGeneratedEventValidatesAndEveryHostileRecordFails() {
        // Long enough for every incident (leaks, attacks, loops, swaps) to be in the data.
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(99)
                        .ratePerSecond(25)
                        .duration(Duration.ofMinutes(12))
                        .format(SourceFormat.JSON)
                        .badRecordRate(0.01)
                        .build();
        List<EncodedRecord> records = Runs.records(config).records();
        int valid = 0;
        int hostile = 0;
        for (EncodedRecord r : records) {
            if (r.hostile()) {
                hostile++;
                String text = utf8OrNull(r.value());
                if (text != null) {
                    assertThat(schema.validate(text, InputFormat.JSON))
                            .as("hostile record %s: %s", r.hostileKind(), text)
                            .isNotEmpty();
                }
                continue;
            }
            valid++;
            List<Error> errors =
                    schema.validate(
                            new String(r.value(), StandardCharsets.UTF_8), InputFormat.JSON);
            assertThat(errors).as(new String(r.value(), StandardCharsets.UTF_8)).isEmpty();
        }
        assertThat(valid).isGreaterThan(17_000);
        assertThat(hostile).isGreaterThan(100);
    }

    /** Text of a record that is UTF-8 and complete JSON; null for garbage and cut-off records. */
    private static String utf8OrNull(byte[] bytes) {
        try {
            String s =
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            io.llmsentinel.schema.Codecs.mapper().readTree(s);
            return s;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
