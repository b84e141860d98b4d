package io.llmsentinel.detectors.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeverityTest {

    @Test
    void higherIsWorseWhenTheCriticalThresholdIsAboveTheWarningOne() {
        assertThat(Severity.of(100, 2_000, 5_000)).isEqualTo(Severity.INFO);
        assertThat(Severity.of(2_000, 2_000, 5_000)).isEqualTo(Severity.WARNING);
        assertThat(Severity.of(4_999, 2_000, 5_000)).isEqualTo(Severity.WARNING);
        assertThat(Severity.of(5_000, 2_000, 5_000)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void lowerIsWorseWhenTheCriticalThresholdIsBelowTheWarningOne() {
        // e.g. requests per minute of a key that normally has traffic
        assertThat(Severity.of(80, 50, 10)).isEqualTo(Severity.INFO);
        assertThat(Severity.of(50, 50, 10)).isEqualTo(Severity.WARNING);
        assertThat(Severity.of(10, 50, 10)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.of(0, 50, 10)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void explicitDirectionAndEqualThresholds() {
        assertThat(Severity.of(3, 3, 3)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.of(1, 3, 3, Direction.LOWER_IS_WORSE)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.of(4, 3, 3, Direction.LOWER_IS_WORSE)).isEqualTo(Severity.INFO);
    }

    @Test
    void nanValueIsInfoAndNanThresholdDisablesItsLevel() {
        assertThat(Severity.of(Double.NaN, 1, 2)).isEqualTo(Severity.INFO);
        assertThat(Severity.of(10, 1, Double.NaN)).isEqualTo(Severity.WARNING);
    }

    @Test
    void maxAndWireNames() {
        assertThat(Severity.max(Severity.WARNING, Severity.CRITICAL)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.max(Severity.WARNING, Severity.INFO)).isEqualTo(Severity.WARNING);
        assertThat(Severity.CRITICAL.wire()).isEqualTo("critical");
        assertThat(Severity.fromWire("warning")).isEqualTo(Severity.WARNING);
        assertThat(Severity.fromWire("bogus")).isEqualTo(Severity.INFO);
        assertThat(Severity.fromWire(null)).isEqualTo(Severity.INFO);
    }
}
