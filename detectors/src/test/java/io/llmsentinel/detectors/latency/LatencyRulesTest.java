package io.llmsentinel.detectors.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.junit.jupiter.api.Test;

class LatencyRulesTest {
    final LatencySettings settings = LatencySettings.defaults();

    static EwmaStat warmBaseline(double perMinute, int minutes, double alpha) {
        EwmaStat s = new EwmaStat();
        for (int i = 0; i < minutes; i++) {
            s.add(perMinute, alpha);
        }
        return s;
    }

    /** Baseline: 1% errors at 200 calls per minute, warm. */
    EwmaStat[] onePercentBaseline() {
        double a = settings.baselineAlpha();
        return new EwmaStat[] {warmBaseline(200, 60, a), warmBaseline(2, 60, a)};
    }

    @Test
    void twoErrorsInThreeCallsDoNotAlert() {
        EwmaStat[] base = onePercentBaseline();
        RuleCheck c = ErrorRateRule.check(3, 2, base[0], base[1], settings);
        assertThat(c.breached()).isFalse();
        assertThat(c.evaluable()).isFalse();
        // ... although the bare test rejects at the usual 0.001: the sample-size guard holds it
        assertThat(ErrorRateRule.pValue(3, 2, 0.01)).isLessThan(0.001);
    }

    @Test
    void fivePercentOfTenThousandAgainstOnePercentAlerts() {
        EwmaStat[] base = onePercentBaseline();
        RuleCheck c = ErrorRateRule.check(10_000, 500, base[0], base[1], settings);
        assertThat(c.breached()).isTrue();
        assertThat(c.baseline()).isCloseTo(0.01, within(1e-9));
        assertThat(c.observed()).isEqualTo(0.05);
        assertThat(c.pValue()).isLessThan(1e-50);
    }

    @Test
    void significantButSmallIncreaseDoesNotAlert() {
        EwmaStat[] base = onePercentBaseline();
        // 1.5% of a million calls: overwhelming p-value, but not twice the baseline
        RuleCheck c = ErrorRateRule.check(1_000_000, 15_000, base[0], base[1], settings);
        assertThat(c.breached()).isFalse();
    }

    @Test
    void fewErrorsDoNotAlertEvenAtAHighRate() {
        EwmaStat[] base = onePercentBaseline();
        // 4 of 100 is 4x the baseline but below the minimum error count
        assertThat(ErrorRateRule.check(100, 4, base[0], base[1], settings).breached()).isFalse();
        assertThat(ErrorRateRule.check(100, 12, base[0], base[1], settings).breached()).isTrue();
    }

    @Test
    void coldBaselineNeverAlerts() {
        EwmaStat calls = warmBaseline(200, 5, settings.baselineAlpha());
        EwmaStat errors = warmBaseline(2, 5, settings.baselineAlpha());
        RuleCheck c = ErrorRateRule.check(10_000, 5_000, calls, errors, settings);
        assertThat(c.evaluable()).isTrue();
        assertThat(c.breached()).isFalse();
        assertThat(c.warm()).isFalse();
    }

    @Test
    void errorFreeBaselineIsFlooredSoOneErrorIsNoSpike() {
        double a = settings.baselineAlpha();
        EwmaStat calls = warmBaseline(200, 60, a);
        EwmaStat errors = warmBaseline(0, 60, a);
        assertThat(ErrorRateRule.check(1000, 1, calls, errors, settings).breached()).isFalse();
    }

    @Test
    void clusteredErrorsNeedMoreEvidence() {
        double a = settings.baselineAlpha();
        EwmaStat calls = warmBaseline(200, 60, a);
        EwmaStat steady = warmBaseline(2, 60, a);
        EwmaStat bursty = new EwmaStat();
        for (int i = 0; i < 60; i++) {
            bursty.add(i % 10 == 0 ? 20 : 0, a); // same 1% on average, in clusters of 20
        }
        // 35 errors in 1000 calls: significant if errors were independent, not if they cluster
        assertThat(ErrorRateRule.check(1000, 35, calls, steady, settings).breached()).isTrue();
        assertThat(ErrorRateRule.check(1000, 35, calls, bursty, settings).breached()).isFalse();
        assertThat(ErrorRateRule.check(1000, 300, calls, bursty, settings).breached()).isTrue();
    }

    @Test
    void burstyTrafficNeedsADeeperDrop() {
        double a = settings.baselineAlpha();
        EwmaStat steady = warmBaseline(20, 60, a);
        EwmaStat sessions = new EwmaStat();
        for (int i = 0; i < 60; i++) {
            sessions.add(i % 2 == 0 ? 30 : 10, a); // 20 per minute on average, dispersion 5
        }
        assertThat(TrafficDropRule.check(25, 5, steady, settings).breached()).isTrue();
        assertThat(TrafficDropRule.check(25, 5, sessions, settings).breached()).isFalse();
        assertThat(TrafficDropRule.check(0, 5, sessions, settings).breached()).isTrue();
    }

    @Test
    void trafficDropNeedsAKeyThatNormallyHasTraffic() {
        double a = settings.baselineAlpha();
        EwmaStat busy = warmBaseline(100, 60, a);
        assertThat(TrafficDropRule.check(500, 5, busy, settings).breached()).isFalse();
        assertThat(TrafficDropRule.check(20, 5, busy, settings).breached()).isTrue();
        EwmaStat quiet = warmBaseline(3, 60, a);
        assertThat(TrafficDropRule.check(0, 5, quiet, settings).evaluable()).isFalse();
    }

    @Test
    void quantileDeviationNeedsBothZAndRatio() {
        double a = settings.baselineAlpha();
        EwmaStat base = new EwmaStat();
        for (int i = 0; i < 60; i++) {
            base.add(Math.log(1000 * (1 + 0.01 * (i % 3))), a);
        }
        DDSketch slightlySlower = LatencySketches.create();
        DDSketch muchSlower = LatencySketches.create();
        for (int i = 0; i < 300; i++) {
            slightlySlower.accept(1200);
            muchSlower.accept(4000);
        }
        RuleCheck small = QuantileDeviationRule.check(slightlySlower, 0.95, base, settings);
        assertThat(small.score()).isGreaterThan(settings.zThreshold()); // significant ...
        assertThat(small.breached()).isFalse(); // ... but only 1.2x
        RuleCheck big = QuantileDeviationRule.check(muchSlower, 0.95, base, settings);
        assertThat(big.breached()).isTrue();
        assertThat(big.ratio()).isCloseTo(4.0, within(0.15));
    }

    @Test
    void tailThresholdFollowsAKeysNaturallyWideTail() {
        double a = settings.baselineAlpha();
        DDSketch minute = LatencySketches.create();
        for (int i = 0; i < 100; i++) {
            minute.accept(i < 95 ? 1000 : 4500); // p99/p50 = 4.5
        }
        EwmaStat narrow = warmBaseline(Math.log(2.0), 60, a);
        EwmaStat wide = warmBaseline(Math.log(4.0), 60, a);
        assertThat(TailRule.check(minute, narrow, settings).breached()).isTrue();
        assertThat(TailRule.check(minute, wide, settings).breached()).isFalse();
        LatencySettings fixed = settings.toBuilder().tailBaselineFactor(0).build();
        assertThat(TailRule.check(minute, wide, fixed).breached()).isTrue();
    }

    @Test
    void ewmaStartsAsAPlainMeanAndThenForgetsWithItsHalfLife() {
        EwmaStat s = new EwmaStat();
        double alpha = EwmaStat.alphaForHalfLife(60);
        s.add(10, alpha);
        s.add(20, alpha);
        assertThat(s.mean).isEqualTo(15.0);
        assertThat(s.variance).isEqualTo(25.0);
        EwmaStat shifted = warmBaseline(0, 1000, alpha);
        for (int i = 0; i < 60; i++) {
            shifted.add(1, alpha);
        }
        assertThat(shifted.mean).isCloseTo(0.5, within(1e-9));
    }
}
