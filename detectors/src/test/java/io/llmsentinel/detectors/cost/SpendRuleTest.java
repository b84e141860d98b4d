package io.llmsentinel.detectors.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpendRuleTest {
    static final SpendRule RULE = new SpendRule(600_000, 144, 6, 4.0, 8.0, 2.0, 1.0, 3, 7_200_000);

    static EwmaStats baseline(double... values) {
        EwmaStats s = new EwmaStats();
        for (double v : values) {
            s.add(v, RULE.alpha());
        }
        return s;
    }

    @Test
    void ewmaAveragesEquallyDuringWarmUpThenForgets() {
        EwmaStats s = baseline(9, 10, 11);
        assertThat(s.mean).isCloseTo(10, within(1e-12));
        assertThat(s.variance).isCloseTo(2.0 / 3, within(1e-12)); // population variance
        for (int i = 0; i < 2000; i++) {
            s.add(20, RULE.alpha());
        }
        assertThat(s.mean).isCloseTo(20, within(1e-6));
        assertThat(s.stddev()).isLessThan(1e-3);
    }

    @Test
    void coldBaselineNeverBreachesWhateverTheSpend() {
        SpendRule.Verdict v = RULE.evaluate(baseline(10, 10, 10), 3, 1_000, 100);
        assertThat(v.warm()).isFalse();
        assertThat(v.breached()).isFalse();
    }

    @Test
    void warmUpNeedsHalfOfItsWindowsActive() {
        EwmaStats mostlyEmpty = baseline(0, 0, 0, 0, 0, 10);
        assertThat(RULE.isWarm(mostlyEmpty, 1)).isFalse();
        assertThat(RULE.isWarm(baseline(10, 0, 10, 0, 10, 0), 3)).isTrue();
    }

    @Test
    void fewBaselineWindowsWidenTheThresholdBeyondKSigma() {
        assertThat(RULE.multiplier(6)).isGreaterThan(2 * RULE.k());
        assertThat(RULE.multiplier(144)).isBetween(RULE.k(), RULE.k() * 1.1);
    }

    @Test
    void aSpikeBeyondAllGuardsBreaches() {
        EwmaStats b = baseline(9, 10, 11, 10, 9, 11, 10, 10, 9, 11, 10, 10);
        SpendRule.Verdict v = RULE.evaluate(b, 12, 50, 10);
        assertThat(v.breached()).isTrue();
        assertThat(v.zScore()).isGreaterThan(RULE.criticalSigma());
        assertThat(v.threshold()).isGreaterThan(b.mean + RULE.k() * b.stddev());
    }

    @Test
    void ratioDeltaAndCallGuardsEachStopASpike() {
        EwmaStats flat = baseline(10, 10, 10, 10, 10, 10, 10, 10);
        // zero variance: k sigma alone would flag any cent; the ratio guard needs 2x
        assertThat(RULE.evaluate(flat, 8, 19.9, 10).breached()).isFalse();
        assertThat(RULE.evaluate(flat, 8, 20.1, 10).breached()).isTrue();
        // tiny amounts: 4x more but less than $1 more
        EwmaStats cents = baseline(0.1, 0.1, 0.1, 0.1, 0.1, 0.1);
        assertThat(RULE.evaluate(cents, 6, 0.4, 10).breached()).isFalse();
        // too few calls
        assertThat(RULE.evaluate(flat, 8, 100, 2).breached()).isFalse();
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new SpendRule(600_000, 144, 6, 4, 3, 2, 1, 3, 7_200_000))
                .hasMessageContaining("criticalSigma");
        assertThatThrownBy(() -> new SpendRule(600_000, 144, 6, 4, 8, 2, 1, 3, 600_000))
                .hasMessageContaining("idleTimeoutMs");
    }
}
