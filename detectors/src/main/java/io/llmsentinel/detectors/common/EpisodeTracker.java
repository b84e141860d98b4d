package io.llmsentinel.detectors.common;

import java.io.Serializable;
import java.util.Objects;

/**
 * Turns per-window evaluations ("breached or not, at window time t") into episodes with hysteresis:
 * an episode opens after {@code breachesToOpen} consecutive breached windows and resolves after
 * {@code clearsToResolve} consecutive clear windows. A condition that persists therefore yields
 * exactly one OPENED and one RESOLVED, and a value flapping around its threshold neither re-opens
 * nor resolves on every crossing.
 *
 * <p>Defaults: open on the first breach (detectors already smooth their statistic over a window and
 * apply their own sample-size guards, so a second confirmation would only add a window of delay),
 * resolve after two clear windows (one good window inside a bad period is common and would
 * otherwise split one incident into two episodes).
 *
 * <p>"Consecutive" counts evaluations, not wall-clock windows: a detector that skips windows
 * without traffic decides for itself whether such a gap counts as clear. An evaluation with a
 * window time not after the last one is ignored, so replayed or duplicated windows cannot count
 * twice.
 *
 * <p>Immutable and serialisable (lives in Flink functions); all mutable data is in the caller's
 * {@link EpisodeState}.
 */
public final class EpisodeTracker implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_BREACHES_TO_OPEN = 1;
    public static final int DEFAULT_CLEARS_TO_RESOLVE = 2;

    private final String detector;
    private final String anomalyType;
    private final int breachesToOpen;
    private final int clearsToResolve;
    private final Direction direction;

    private EpisodeTracker(
            String detector,
            String anomalyType,
            int breachesToOpen,
            int clearsToResolve,
            Direction direction) {
        if (breachesToOpen < 1 || clearsToResolve < 1) {
            throw new IllegalArgumentException(
                    "breachesToOpen and clearsToResolve must be at least 1, got "
                            + breachesToOpen
                            + " and "
                            + clearsToResolve);
        }
        this.detector = Objects.requireNonNull(detector, "detector");
        this.anomalyType = Objects.requireNonNull(anomalyType, "anomalyType");
        this.breachesToOpen = breachesToOpen;
        this.clearsToResolve = clearsToResolve;
        this.direction = Objects.requireNonNull(direction, "direction");
    }

    /** A tracker with the default hysteresis (open after 1, resolve after 2), higher is worse. */
    public static EpisodeTracker of(String detector, String anomalyType) {
        return new EpisodeTracker(
                detector,
                anomalyType,
                DEFAULT_BREACHES_TO_OPEN,
                DEFAULT_CLEARS_TO_RESOLVE,
                Direction.HIGHER_IS_WORSE);
    }

    public EpisodeTracker openAfter(int consecutiveBreaches) {
        return new EpisodeTracker(
                detector, anomalyType, consecutiveBreaches, clearsToResolve, direction);
    }

    public EpisodeTracker resolveAfter(int consecutiveClears) {
        return new EpisodeTracker(
                detector, anomalyType, breachesToOpen, consecutiveClears, direction);
    }

    /** Which way the observed value is worse; decides what {@code peakValue} keeps. */
    public EpisodeTracker worseWhen(Direction worse) {
        return new EpisodeTracker(detector, anomalyType, breachesToOpen, clearsToResolve, worse);
    }

    /**
     * Records the evaluation of the window at {@code windowTime} for the subject {@code subjectKey}
     * and updates {@code state} in place.
     *
     * @param value the statistic that was compared with the threshold (kept as the peak); NaN if
     *     there is none
     * @return OPENED or RESOLVED when this window changes the episode, NONE otherwise
     */
    public EpisodeTransition observe(
            EpisodeState state,
            String subjectKey,
            long windowTime,
            boolean breached,
            double value) {
        if (windowTime <= state.lastWindowAt) {
            return EpisodeTransition.NONE;
        }
        state.lastWindowAt = windowTime;
        return breached
                ? onBreach(state, subjectKey, windowTime, value)
                : onClear(state, windowTime);
    }

    private EpisodeTransition onBreach(
            EpisodeState state, String subjectKey, long windowTime, double value) {
        boolean runStarts = state.consecutiveBreaches == 0 && !state.open;
        if (runStarts) {
            state.breachStartedAt = windowTime;
            state.peakValue = Double.NaN;
            state.breachedWindows = 0;
        }
        state.consecutiveBreaches = saturatingIncrement(state.consecutiveBreaches);
        state.breachedWindows = saturatingIncrement(state.breachedWindows);
        state.consecutiveClears = 0;
        state.peakValue = direction.worse(state.peakValue, value);
        if (state.open || state.consecutiveBreaches < breachesToOpen) {
            return EpisodeTransition.NONE;
        }
        state.open = true;
        state.openedAt = windowTime;
        state.episodeId = EpisodeIds.of(detector, anomalyType, subjectKey, windowTime);
        return EpisodeTransition.OPENED;
    }

    private EpisodeTransition onClear(EpisodeState state, long windowTime) {
        state.consecutiveBreaches = 0;
        if (!state.open) {
            return EpisodeTransition.NONE;
        }
        if (state.consecutiveClears == 0) {
            state.clearStartedAt = windowTime;
        }
        state.consecutiveClears = saturatingIncrement(state.consecutiveClears);
        if (state.consecutiveClears < clearsToResolve) {
            return EpisodeTransition.NONE;
        }
        state.open = false;
        return EpisodeTransition.RESOLVED;
    }

    /**
     * Whether {@code state} holds nothing that affects future transitions (no open episode, no
     * breach run under way), so a detector may clear it when the subject goes idle.
     */
    public boolean isIdle(EpisodeState state) {
        return !state.open && state.consecutiveBreaches == 0;
    }

    public String detector() {
        return detector;
    }

    public String anomalyType() {
        return anomalyType;
    }

    public int breachesToOpen() {
        return breachesToOpen;
    }

    public int clearsToResolve() {
        return clearsToResolve;
    }

    private static int saturatingIncrement(int count) {
        return count == Integer.MAX_VALUE ? count : count + 1;
    }
}
