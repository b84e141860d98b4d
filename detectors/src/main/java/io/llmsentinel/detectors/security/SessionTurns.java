package io.llmsentinel.detectors.security;

import java.util.ArrayList;
import java.util.List;

/**
 * One session of an actor: the scores of its latest turns (for escalation), its last refusal (for
 * retry-after-refusal). A Flink POJO.
 */
public class SessionTurns {
    static final long NONE = Long.MIN_VALUE;

    public List<Double> recentScores = new ArrayList<>();
    public long lastTurnAt = NONE;
    public long lastRefusalAt = NONE;
    public long turns;

    public SessionTurns() {}
}
