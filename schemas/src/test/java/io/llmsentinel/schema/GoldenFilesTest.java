package io.llmsentinel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each golden example is valid against its schema and survives a round trip through its Java type
 * unchanged: the schema files and the Java types describe the same contract.
 */
class GoldenFilesTest {

    static Stream<Arguments> goldenFiles() {
        return Stream.of(
                Arguments.of("llm-event-full.json", ContractSchemas.LLM_EVENT, LlmEvent.class),
                Arguments.of("llm-event-minimal.json", ContractSchemas.LLM_EVENT, LlmEvent.class),
                Arguments.of("llm-event-error.json", ContractSchemas.LLM_EVENT, LlmEvent.class),
                Arguments.of("anomaly-open.json", ContractSchemas.ANOMALY, Anomaly.class),
                Arguments.of("anomaly-resolved.json", ContractSchemas.ANOMALY, Anomaly.class),
                Arguments.of("dead-letter.json", ContractSchemas.DEAD_LETTER, DeadLetter.class),
                Arguments.of("incident-open.json", ContractSchemas.INCIDENT, Incident.class),
                Arguments.of("incident-resolved.json", ContractSchemas.INCIDENT, Incident.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void goldenFileIsValidAndRoundTrips(String file, String schema, Class<?> type)
            throws IOException {
        String json = read(file);
        assertThat(ContractSchemas.errors(schema, json)).isEmpty();

        Object decoded = Codecs.fromJson(json, type);
        String encoded = Codecs.toJsonString(decoded);

        JsonNode original = Codecs.mapper().readTree(json);
        JsonNode roundTripped = Codecs.mapper().readTree(encoded);
        // 30000 and 30000.0 are the same JSON number
        assertThat(roundTripped.equals(GoldenFilesTest::compareNumbersByValue, original))
                .as("round trip of %s: %s", file, encoded)
                .isTrue();
        assertThat(ContractSchemas.errors(schema, encoded)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void schemaRejectsUnknownFieldsAndWrongVersion(String file, String schema, Class<?> type)
            throws IOException {
        String json = read(file);
        String withExtra = json.replaceFirst("\\{", "{\"not_in_contract\": 1,");
        assertThat(ContractSchemas.errors(schema, withExtra)).isNotEmpty();
        String wrongVersion = json.replace("\"schema_version\": 1", "\"schema_version\": 2");
        assertThat(ContractSchemas.errors(schema, wrongVersion)).isNotEmpty();
    }

    private static int compareNumbersByValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    }

    static String read(String file) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
