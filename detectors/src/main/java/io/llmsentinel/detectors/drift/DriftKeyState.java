package io.llmsentinel.detectors.drift;

import io.llmsentinel.detectors.common.EpisodeState;
import java.util.HashMap;
import java.util.Map;

/**
 * Per key: who it is (for the records), when it last saw an event, and one episode per feature. The
 * slices and the pinned reference live in their own state, as they are large and change at other
 * times. A Flink POJO.
 */
public class DriftKeyState {
    public String serviceName;
    public String providerName;
    public String model;
    public String template;

    /**
     * Event time of the first event the key saw (not the minimum: one skewed clock must not pass
     * for an hour of history).
     */
    public long firstEventAt = Long.MIN_VALUE;

    public long lastEventAt = Long.MIN_VALUE;
    public long cleanupAt = Long.MIN_VALUE;

    /** Start of the current run of evaluations with a drifting feature; MIN_VALUE if none. */
    public long driftingSince = Long.MIN_VALUE;

    /** Rows in the pending list, folded into the slices at {@code FOLD_ROWS} or at a slice end. */
    public int pendingRows;

    /** By feature wire name. */
    public Map<String, EpisodeState> episodes = new HashMap<>();

    public DriftKeyState() {}
}
