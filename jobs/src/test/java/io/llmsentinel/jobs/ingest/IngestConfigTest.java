package io.llmsentinel.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.jobs.config.ConfigUnderTest;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.codec.ValidationLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
    static final ConfigUnderTest<IngestConfig> INGEST =
            new ConfigUnderTest<>(IngestOptions.class, IngestConfig::from);

    @Test
    void optionDefaultsAreTheDecoderDefaults() {
        IngestConfig c = INGEST.load(Map.of());
        assertThat(c.limits()).isEqualTo(ValidationLimits.DEFAULTS);
        assertThat(c.dlqMaxPayloadBytes()).isEqualTo(64 * 1024);
        assertThat(c.startingOffsets()).isEqualTo(StartingOffsets.COMMITTED_OR_EARLIEST);
        assertThat(c.groupId()).isEqualTo("llm-sentinel-ingest");
        assertThat(c.topicFormats())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "llm.raw.json", SourceFormat.JSON,
                                "llm.raw.otlp_proto", SourceFormat.OTLP_PROTO,
                                "llm.raw.otlp_json", SourceFormat.OTLP_JSON));
    }

    @Test
    void valuesReachTheLimits() {
        IngestConfig c =
                INGEST.load(
                        Map.of(
                                "ingest.max-record-size", "1 mb",
                                "ingest.max-json-depth", "4",
                                "ingest.dlq.max-payload", "0 b",
                                "ingest.starting-offsets", "latest"));
        assertThat(c.limits().maxRecordBytes()).isEqualTo(1 << 20);
        assertThat(c.limits().maxJsonDepth()).isEqualTo(4);
        assertThat(c.dlqMaxPayloadBytes()).isZero();
        assertThat(c.startingOffsets()).isEqualTo(StartingOffsets.LATEST);
    }

    @Test
    void errorsNameTheKeyTheValueAndTheRule() {
        INGEST.assertBadValue(
                "ingest.max-record-size", "65 mb", "must be between 1 bytes and 64 mb");
        INGEST.assertBadValue("ingest.max-json-depth", "3", "must be in [4, 1000]");
        INGEST.assertBadValue("ingest.dlq.max-payload", "2 mb", "must be between 0 bytes and 1 mb");
        INGEST.assertBadValue("ingest.max-text-chars", "0", "must be more than 0");
        INGEST.assertBadValue(
                "ingest.starting-offsets", "now", "earliest, latest or committed-or-earliest");
        assertThatThrownBy(
                        () ->
                                INGEST.load(
                                        Map.of(
                                                "ingest.topics.json", "",
                                                "ingest.topics.otlp-proto", "",
                                                "ingest.topics.otlp-json", "")))
                .hasMessageContaining("'ingest.topics.json'")
                .hasMessageContaining("no input topic set");
    }
}
