package io.llmsentinel.detectors.common;

/**
 * What {@link EpisodeTracker} remembers per subject between windows. A Flink POJO (public fields,
 * no-arg constructor) so detectors keep it in {@code ValueState} without Kryo; change fields only
 * in ways Flink's POJO schema evolution supports (add or remove, never retype).
 *
 * <p>After an OPENED or RESOLVED transition the fields still describe the episode that just
 * changed, so the caller can build its anomaly record from them.
 */
public class EpisodeState {
    /** Whether an episode is open now. */
    public boolean open;

    /** Id of the current (or last) episode; null before the first one opens. */
    public String episodeId;

    /** Window time of the first breach of the current run of breaches. */
    public long breachStartedAt;

    /** Window time at which the current (or last) episode opened. */
    public long openedAt;

    /** Window time of the first clear window of the current run of clear windows. */
    public long clearStartedAt;

    public int consecutiveBreaches;
    public int consecutiveClears;

    /** Breached windows counted in the current (or last) episode, including the opening run. */
    public int breachedWindows;

    /** The worst value seen since the current run of breaches started; NaN if none. */
    public double peakValue = Double.NaN;

    /** Time of the last window evaluated; older or repeated windows are ignored. */
    public long lastWindowAt = Long.MIN_VALUE;

    public EpisodeState() {}

    @Override
    public String toString() {
        return "EpisodeState{open="
                + open
                + ", episodeId="
                + episodeId
                + ", breachStartedAt="
                + breachStartedAt
                + ", openedAt="
                + openedAt
                + ", clearStartedAt="
                + clearStartedAt
                + ", consecutiveBreaches="
                + consecutiveBreaches
                + ", consecutiveClears="
                + consecutiveClears
                + ", breachedWindows="
                + breachedWindows
                + ", peakValue="
                + peakValue
                + ", lastWindowAt="
                + lastWindowAt
                + '}';
    }
}
