package io.llmsentinel.detectors.latency;

import io.llmsentinel.detectors.common.Direction;
import io.llmsentinel.detectors.common.EpisodeTracker;

/** The anomaly types of the latency detector, with their wire names (part of the contract). */
public enum LatencyAnomalyType {
    TAIL("latency_tail_sustained", "p99/p50 ratio"),
    P95("latency_p95_deviation", "p95 latency"),
    P99("latency_p99_deviation", "p99 latency"),
    TTFT("ttft_deviation", "p95 time to first token"),
    ERROR_RATE("error_rate_spike", "error rate"),
    TRAFFIC_DROP("traffic_drop", "call volume");

    public static final String DETECTOR = "latency";

    private final String wire;
    private final String statistic;

    LatencyAnomalyType(String wire, String statistic) {
        this.wire = wire;
        this.statistic = statistic;
    }

    public String wireName() {
        return wire;
    }

    /** What the rule measures, for summaries. */
    public String statistic() {
        return statistic;
    }

    /** The tracker for this type: the tail rule opens only after its minimum duration. */
    public EpisodeTracker tracker(LatencySettings settings) {
        EpisodeTracker t =
                EpisodeTracker.of(DETECTOR, wire).resolveAfter(settings.resolveAfterWindows());
        return switch (this) {
            case TAIL -> t.openAfter(settings.tailMinutes());
            case TRAFFIC_DROP -> t.worseWhen(Direction.LOWER_IS_WORSE);
            default -> t;
        };
    }
}
