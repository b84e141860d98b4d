package io.llmsentinel.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StartingOffsetsTest {
    static List<String> jobs() {
        return JobCatalog.all().stream().map(SentinelJob::name).toList();
    }

    static Configuration load(String job, Map<String, String> values) {
        return JobConfig.fromMap(
                values, JobCatalog.byName(job).optionHolders().toArray(new Class<?>[0]));
    }

    @SuppressWarnings("unchecked")
    static ConfigOption<StartingOffsets> option(String job) {
        return (ConfigOption<StartingOffsets>)
                JobConfig.declared(JobCatalog.byName(job).optionHolders().toArray(new Class<?>[0]))
                        .stream()
                        .filter(d -> d.key().equals(job + ".starting-offsets"))
                        .findFirst()
                        .orElseThrow()
                        .option();
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void everyJobReadsTheWireNamesItAlwaysRead(String job) {
        String key = job + ".starting-offsets";
        assertThat(load(job, Map.of()).get(option(job)))
                .isEqualTo(StartingOffsets.COMMITTED_OR_EARLIEST);
        assertThat(load(job, Map.of(key, "committed-or-earliest")).get(option(job)))
                .isEqualTo(StartingOffsets.COMMITTED_OR_EARLIEST);
        assertThat(load(job, Map.of(key, "earliest")).get(option(job)))
                .isEqualTo(StartingOffsets.EARLIEST);
        assertThat(load(job, Map.of(key, "latest")).get(option(job)))
                .isEqualTo(StartingOffsets.LATEST);
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void anUnknownValueFailsAtLoadNamingTheKeyAndTheAllowedValues(String job) {
        String key = job + ".starting-offsets";
        assertThatThrownBy(() -> load(job, Map.of(key, "yesterday")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "bad value for '"
                                + key
                                + "': 'yesterday' (must be earliest, latest or"
                                + " committed-or-earliest)");
    }

    /** Before the enum, any unknown string silently meant committed offsets. */
    @Test
    void everyModeMapsToItsOwnOffsetsInitializer() {
        assertThat(KafkaConnectors.startingOffsets(StartingOffsets.EARLIEST))
                .usingRecursiveComparison()
                .isEqualTo(OffsetsInitializer.earliest());
        assertThat(KafkaConnectors.startingOffsets(StartingOffsets.LATEST))
                .usingRecursiveComparison()
                .isEqualTo(OffsetsInitializer.latest());
        assertThat(KafkaConnectors.startingOffsets(StartingOffsets.COMMITTED_OR_EARLIEST))
                .usingRecursiveComparison()
                .isEqualTo(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .isNotEqualTo(OffsetsInitializer.earliest());
    }
}
