package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.EpisodeState;

/**
 * What {@link TumblingWindowDetector} keeps per key besides the open windows: timer bookkeeping and
 * the episode. A Flink POJO; the detectors' state types extend it.
 */
public class WindowedKeyState {
    /** Marks a time that is not set. */
    public static final long NONE = Long.MIN_VALUE;

    /** End of the latest evaluated window that had calls (the key's last activity). */
    public long lastSeen = NONE;

    /** Time of the pending idle-expiry timer, NONE when none is pending. */
    public long cleanupAt = NONE;

    /** Start of the last evaluated window; events of it or earlier windows are late. */
    public long lastEvaluatedWindow = NONE;

    /** Timer that evaluates a window without events while an episode is open, NONE if unset. */
    public long emptyWindowTimer = NONE;

    /** Severity the current (or last) episode opened with, repeated on its resolved record. */
    public String episodeSeverity;

    public EpisodeState episode = new EpisodeState();

    public WindowedKeyState() {}
}
