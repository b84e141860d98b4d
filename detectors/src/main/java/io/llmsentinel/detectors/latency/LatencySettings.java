package io.llmsentinel.detectors.latency;

import java.io.Serializable;
import java.util.List;

/**
 * The latency detector's parameters, validated by the job configuration (which names the offending
 * key). {@link #DEFAULTS} are the documented defaults, written once, in the {@link Builder}: the
 * job's options take their defaults from here.
 *
 * @param dimensions what a key is made of
 * @param windowMinutes minutes merged into the window of the deviation, error and traffic rules
 * @param allowedLatenessMs how long after the watermark passes a minute its slice stays open
 * @param warmupMinutes baseline minutes a statistic needs before its rule may fire
 * @param baselineHalfLifeMinutes half-life of the rolling baselines
 * @param idleTimeoutMs a key without traffic for this long is dropped with all its state
 * @param resolveAfterWindows clear evaluations in a row that resolve an episode
 * @param zThreshold deviation rules: z-score of the log statistic against its baseline
 * @param minRatio deviation rules: and at least this many times the baseline
 * @param minSamples p95 and TTFT deviation rules: calls (or streamed calls) a window needs
 * @param p99MinSamples p99 deviation rule: calls a window needs (a p99 rests on 1% of them)
 * @param criticalRatio deviation rules: critical from this ratio to the baseline
 * @param tailRatio tail rule: p99 above this many times p50
 * @param tailMinutes tail rule: for this many minutes in a row
 * @param tailMinSamples tail rule: calls a minute needs
 * @param tailBaselineFactor tail rule: and above this factor times the key's usual ratio (0: off)
 * @param tailCriticalRatio tail rule: critical from this p99/p50
 * @param errorMinCalls error rule: calls a window needs
 * @param errorMinErrors error rule: errors a window needs
 * @param errorMinRatio error rule: error rate at least this many times the baseline
 * @param errorPValue error rule: significance of the one-sided binomial test
 * @param errorCriticalRate error rule: critical from this error rate
 * @param trafficEnabled traffic rule on or off
 * @param trafficDropRatio traffic rule: calls at most this share of the expected
 * @param trafficMinBaselineCalls traffic rule: expected calls per window it needs
 * @param trafficPValue traffic rule: significance of the Poisson lower-tail test
 * @param trafficCriticalRatio traffic rule: critical at or below this share
 */
public record LatencySettings(
        List<KeyDimension> dimensions,
        int windowMinutes,
        long allowedLatenessMs,
        int warmupMinutes,
        double baselineHalfLifeMinutes,
        long idleTimeoutMs,
        int resolveAfterWindows,
        double zThreshold,
        double minRatio,
        int minSamples,
        int p99MinSamples,
        double criticalRatio,
        double tailRatio,
        int tailMinutes,
        int tailMinSamples,
        double tailBaselineFactor,
        double tailCriticalRatio,
        long errorMinCalls,
        long errorMinErrors,
        double errorMinRatio,
        double errorPValue,
        double errorCriticalRate,
        boolean trafficEnabled,
        double trafficDropRatio,
        double trafficMinBaselineCalls,
        double trafficPValue,
        double trafficCriticalRatio)
        implements Serializable {

    public static final long MINUTE_MS = 60_000;

    public static final LatencySettings DEFAULTS = new Builder().build();

    public LatencySettings {
        dimensions = List.copyOf(dimensions);
    }

    public static LatencySettings defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .dimensions(dimensions)
                .windowMinutes(windowMinutes)
                .allowedLatenessMs(allowedLatenessMs)
                .warmupMinutes(warmupMinutes)
                .baselineHalfLifeMinutes(baselineHalfLifeMinutes)
                .idleTimeoutMs(idleTimeoutMs)
                .resolveAfterWindows(resolveAfterWindows)
                .zThreshold(zThreshold)
                .minRatio(minRatio)
                .minSamples(minSamples)
                .p99MinSamples(p99MinSamples)
                .criticalRatio(criticalRatio)
                .tailRatio(tailRatio)
                .tailMinutes(tailMinutes)
                .tailMinSamples(tailMinSamples)
                .tailBaselineFactor(tailBaselineFactor)
                .tailCriticalRatio(tailCriticalRatio)
                .errorMinCalls(errorMinCalls)
                .errorMinErrors(errorMinErrors)
                .errorMinRatio(errorMinRatio)
                .errorPValue(errorPValue)
                .errorCriticalRate(errorCriticalRate)
                .trafficEnabled(trafficEnabled)
                .trafficDropRatio(trafficDropRatio)
                .trafficMinBaselineCalls(trafficMinBaselineCalls)
                .trafficPValue(trafficPValue)
                .trafficCriticalRatio(trafficCriticalRatio);
    }

    public double baselineAlpha() {
        return EwmaStat.alphaForHalfLife(baselineHalfLifeMinutes);
    }

    /** Fluent construction; starts from the defaults. */
    public static final class Builder {
        private List<KeyDimension> dimensions =
                List.of(KeyDimension.PROVIDER, KeyDimension.MODEL, KeyDimension.SERVICE);
        private int windowMinutes = 5;
        private long allowedLatenessMs = 0;
        private int warmupMinutes = 30;
        private double baselineHalfLifeMinutes = 120;
        private long idleTimeoutMs = 2 * 60 * 60_000L;
        private int resolveAfterWindows = 2;
        private double zThreshold = 3.0;
        private double minRatio = 1.5;
        private int minSamples = 200;
        private int p99MinSamples = 1000;
        private double criticalRatio = 3.0;
        private double tailRatio = 3.0;
        private int tailMinutes = 5;
        private int tailMinSamples = 100;
        private double tailBaselineFactor = 1.5;
        private double tailCriticalRatio = 5.0;
        private long errorMinCalls = 100;
        private long errorMinErrors = 5;
        private double errorMinRatio = 2.0;
        private double errorPValue = 1e-6;
        private double errorCriticalRate = 0.2;
        private boolean trafficEnabled = true;
        private double trafficDropRatio = 0.3;
        private double trafficMinBaselineCalls = 100;
        private double trafficPValue = 1e-6;
        private double trafficCriticalRatio = 0.1;

        private Builder() {}

        public Builder dimensions(List<KeyDimension> value) {
            this.dimensions = value;
            return this;
        }

        public Builder windowMinutes(int value) {
            this.windowMinutes = value;
            return this;
        }

        public Builder allowedLatenessMs(long value) {
            this.allowedLatenessMs = value;
            return this;
        }

        public Builder warmupMinutes(int value) {
            this.warmupMinutes = value;
            return this;
        }

        public Builder baselineHalfLifeMinutes(double value) {
            this.baselineHalfLifeMinutes = value;
            return this;
        }

        public Builder idleTimeoutMs(long value) {
            this.idleTimeoutMs = value;
            return this;
        }

        public Builder resolveAfterWindows(int value) {
            this.resolveAfterWindows = value;
            return this;
        }

        public Builder zThreshold(double value) {
            this.zThreshold = value;
            return this;
        }

        public Builder minRatio(double value) {
            this.minRatio = value;
            return this;
        }

        public Builder minSamples(int value) {
            this.minSamples = value;
            return this;
        }

        public Builder p99MinSamples(int value) {
            this.p99MinSamples = value;
            return this;
        }

        public Builder criticalRatio(double value) {
            this.criticalRatio = value;
            return this;
        }

        public Builder tailRatio(double value) {
            this.tailRatio = value;
            return this;
        }

        public Builder tailMinutes(int value) {
            this.tailMinutes = value;
            return this;
        }

        public Builder tailMinSamples(int value) {
            this.tailMinSamples = value;
            return this;
        }

        public Builder tailBaselineFactor(double value) {
            this.tailBaselineFactor = value;
            return this;
        }

        public Builder tailCriticalRatio(double value) {
            this.tailCriticalRatio = value;
            return this;
        }

        public Builder errorMinCalls(long value) {
            this.errorMinCalls = value;
            return this;
        }

        public Builder errorMinErrors(long value) {
            this.errorMinErrors = value;
            return this;
        }

        public Builder errorMinRatio(double value) {
            this.errorMinRatio = value;
            return this;
        }

        public Builder errorPValue(double value) {
            this.errorPValue = value;
            return this;
        }

        public Builder errorCriticalRate(double value) {
            this.errorCriticalRate = value;
            return this;
        }

        public Builder trafficEnabled(boolean value) {
            this.trafficEnabled = value;
            return this;
        }

        public Builder trafficDropRatio(double value) {
            this.trafficDropRatio = value;
            return this;
        }

        public Builder trafficMinBaselineCalls(double value) {
            this.trafficMinBaselineCalls = value;
            return this;
        }

        public Builder trafficPValue(double value) {
            this.trafficPValue = value;
            return this;
        }

        public Builder trafficCriticalRatio(double value) {
            this.trafficCriticalRatio = value;
            return this;
        }

        public LatencySettings build() {
            return new LatencySettings(
                    dimensions,
                    windowMinutes,
                    allowedLatenessMs,
                    warmupMinutes,
                    baselineHalfLifeMinutes,
                    idleTimeoutMs,
                    resolveAfterWindows,
                    zThreshold,
                    minRatio,
                    minSamples,
                    p99MinSamples,
                    criticalRatio,
                    tailRatio,
                    tailMinutes,
                    tailMinSamples,
                    tailBaselineFactor,
                    tailCriticalRatio,
                    errorMinCalls,
                    errorMinErrors,
                    errorMinRatio,
                    errorPValue,
                    errorCriticalRate,
                    trafficEnabled,
                    trafficDropRatio,
                    trafficMinBaselineCalls,
                    trafficPValue,
                    trafficCriticalRatio);
        }
    }
}
