package io.llmsentinel.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.jobs.ingest.IngestConfig;
import io.llmsentinel.jobs.ingest.IngestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigTest {

    @Test
    void defaultsAreValidAndDocumented() {
        IngestConfig config = IngestConfig.from(JobConfig.fromMap(Map.of(), IngestOptions.class));
        assertThat(config.kafka().eventsTopic()).isEqualTo("llm.events");
        assertThat(config.kafka().dlqTopic()).isEqualTo("llm.events.dlq");
        assertThat(config.topicFormats()).hasSize(3);
        assertThat(config.limits().maxEventAge()).isEqualTo(Duration.ofDays(7));
        for (Class<?> holder : new Class<?>[] {CommonOptions.class, IngestOptions.class}) {
            assertThat(JobConfig.options(holder))
                    .allSatisfy(o -> assertThat(o.description().toString()).isNotBlank());
        }
    }

    @Test
    void fileWithFlatYamlKeysIsLoadedAndFlinkKeysPassThrough(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest.yaml");
        Files.writeString(
                file,
                "# comment\n"
                        + "kafka.bootstrap-servers: \"broker:9092\"\n"
                        + "ingest.topics.json: a;b\n"
                        + "ingest.max-event-age: 0 s\n"
                        + "state.backend.type: rocksdb\n");
        Configuration conf = JobConfig.load(file, IngestOptions.class);
        IngestConfig config = IngestConfig.from(conf);
        assertThat(config.kafka().bootstrapServers()).isEqualTo("broker:9092");
        assertThat(config.topicFormats()).containsKeys("a", "b");
        assertThat(config.limits().maxEventAge()).isZero();
        assertThat(conf.toMap()).containsEntry("state.backend.type", "rocksdb");
    }

    @Test
    void typoInOurNamespaceFailsNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                JobConfig.fromMap(
                                        Map.of("ingest.max-text-char", "10"), IngestOptions.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ingest.max-text-char");
    }

    @Test
    void unparseableValueFailsNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                JobConfig.fromMap(
                                        Map.of("job.checkpoint-interval", "soon"),
                                        IngestOptions.class))
                .hasMessageContaining("job.checkpoint-interval")
                .hasMessageContaining("soon");
    }

    @Test
    void outOfRangeValueFailsNamingTheKey() {
        Configuration conf =
                JobConfig.fromMap(Map.of("kafka.transaction-timeout", "2 h"), IngestOptions.class);
        assertThatThrownBy(() -> IngestConfig.from(conf))
                .hasMessageContaining("kafka.transaction-timeout");
        Configuration conf2 =
                JobConfig.fromMap(Map.of("ingest.max-text-chars", "0"), IngestOptions.class);
        assertThatThrownBy(() -> IngestConfig.from(conf2))
                .hasMessageContaining("ingest.max-text-chars");
    }

    @Test
    void aTopicCannotHaveTwoFormats() {
        Configuration conf =
                JobConfig.fromMap(
                        Map.of("ingest.topics.json", "t", "ingest.topics.otlp-json", "t"),
                        IngestOptions.class);
        assertThatThrownBy(() -> IngestConfig.from(conf)).hasMessageContaining("'t'");
    }
}
