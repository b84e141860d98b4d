package io.llmsentinel.jobs.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.detectors.latency.KeyDimension;
import io.llmsentinel.detectors.latency.LatencySettings;
import io.llmsentinel.jobs.config.ConfigUnderTest;
import io.llmsentinel.jobs.config.JobConfig;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;

class LatencyConfigTest {

    static final ConfigUnderTest<LatencyConfig> LATENCY =
            new ConfigUnderTest<>(LatencyOptions.class, LatencyConfig::from);

    @Test
    void optionDefaultsAreTheDetectorDefaults() {
        LatencyConfig c = LATENCY.load(Map.of());
        assertThat(c.detector()).isEqualTo(LatencySettings.defaults());
        assertThat(c.startingOffsets().wireName()).isEqualTo("committed-or-earliest");
        assertThat(c.detector().dimensions())
                .containsExactly(KeyDimension.PROVIDER, KeyDimension.MODEL, KeyDimension.SERVICE);
    }

    @Test
    void valuesReachTheDetector() {
        LatencyConfig c =
                LATENCY.load(
                        Map.of(
                                "latency.key-dimensions", "model,tenant",
                                "latency.window", "3 min",
                                "latency.warmup", "1 h",
                                "latency.tail.min-duration", "10 min",
                                "latency.errors.min-calls", "50",
                                "latency.traffic.enabled", "false"));
        LatencySettings s = c.detector();
        assertThat(s.dimensions()).containsExactly(KeyDimension.MODEL, KeyDimension.TENANT);
        assertThat(s.windowMinutes()).isEqualTo(3);
        assertThat(s.warmupMinutes()).isEqualTo(60);
        assertThat(s.tailMinutes()).isEqualTo(10);
        assertThat(s.errorMinCalls()).isEqualTo(50);
        assertThat(s.trafficEnabled()).isFalse();
    }

    @Test
    void errorsNameTheKey() {
        LATENCY.assertRejected("latency.window", "90 s", "whole minutes");
        LATENCY.assertRejected("latency.window", "2 h", "1 to 60");
        LATENCY.assertRejected("latency.key-dimensions", "provider,colour", "colour");
        LATENCY.assertRejected("latency.key-dimensions", "model,model", "twice");
        LATENCY.assertRejected("latency.errors.p-value", "2", "between 0 and 1");
        LATENCY.assertRejected("latency.deviation.min-ratio", "0.5", "at least 1");
        LATENCY.assertRejected("latency.tail.baseline-factor", "0.5", "0 (off) or at least 1");
        LATENCY.assertRejected("latency.idle-timeout", "1 min", "at least latency.window");
        LATENCY.assertRejected("latency.starting-offsets", "yesterday", "earliest");
        assertThatThrownBy(() -> LATENCY.load(Map.of("latency.windw", "5 min")))
                .hasMessageContaining("unknown configuration key 'latency.windw'");
        assertThatThrownBy(() -> LATENCY.load(Map.of("latency.warmup", "soon")))
                .hasMessageContaining("'latency.warmup'");
    }

    @Test
    void everyOptionIsDocumented() {
        for (ConfigOption<?> option : JobConfig.options(LatencyOptions.class)) {
            assertThat(option.key()).startsWith("latency.");
            assertThat(option.description().toString()).as(option.key()).isNotBlank();
            assertThat(option.hasDefaultValue()).as(option.key()).isTrue();
        }
    }
}
