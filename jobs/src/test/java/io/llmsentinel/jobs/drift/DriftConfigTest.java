package io.llmsentinel.jobs.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.drift.DriftSettings;
import io.llmsentinel.detectors.drift.ReferenceMode;
import io.llmsentinel.detectors.latency.KeyDimension;
import io.llmsentinel.jobs.config.ConfigUnderTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftConfigTest {
    static final ConfigUnderTest<DriftConfig> DRIFT =
            new ConfigUnderTest<>(DriftOptions.class, DriftConfig::from);

    @Test
    void optionDefaultsAreTheDetectorDefaults() {
        DriftConfig c = DRIFT.load(Map.of());
        assertThat(c.detector()).isEqualTo(DriftSettings.defaults());
        assertThat(c.dimensions())
                .containsExactly(KeyDimension.SERVICE, KeyDimension.MODEL, KeyDimension.TEMPLATE);
    }

    @Test
    void valuesReachTheDetector() {
        DriftSettings s =
                DRIFT.load(
                                Map.of(
                                        "drift.slice", "1 min",
                                        "drift.current-window", "10 min",
                                        "drift.reference", "pinned",
                                        "drift.reference.window", "2 h",
                                        "drift.reference.pin-id", "release-42",
                                        "drift.false-discovery-rate", "0.05"))
                        .detector();
        assertThat(s.sliceMs()).isEqualTo(60_000);
        assertThat(s.currentSlices()).isEqualTo(10);
        assertThat(s.referenceSlices()).isEqualTo(120);
        assertThat(s.referenceMode()).isEqualTo(ReferenceMode.PINNED);
        assertThat(s.pinId()).isEqualTo("release-42");
        assertThat(s.falseDiscoveryRate()).isEqualTo(0.05);
    }

    @Test
    void errorsNameTheKey() {
        DRIFT.assertRejected("drift.current-window", "7 min", "multiple of drift.slice");
        DRIFT.assertRejected("drift.reference", "frozen", "sliding or pinned");
        DRIFT.assertRejected("drift.key-dimensions", "service,colour", "colour");
        DRIFT.assertRejected("drift.psi.critical", "0.1", "at least drift.psi.warning");
        DRIFT.assertRejected("drift.false-discovery-rate", "1.5", "(0, 1)");
        DRIFT.assertRejected("drift.allowed-lateness", "10 min", "shorter than drift.slice");
        DRIFT.assertRejected("drift.unknown-key", "1", "drift.unknown-key");
    }
}
