package io.llmsentinel.detectors.security;

import java.util.ArrayList;
import java.util.List;

/**
 * An actor's open escalation or retry-after-refusal episode: one per actor however many sessions it
 * burns through, resolved after a quiet period. A Flink POJO.
 */
public class ActorEpisode {
    static final int MAX_SAMPLES = 20;

    public String episodeId;
    public long openedAt;
    public long lastAt;
    public long occurrences;
    public double peakScore;
    public List<String> sessions = new ArrayList<>();
    public List<String> sampleEventIds = new ArrayList<>();

    public ActorEpisode() {}

    void observe(TurnSignal t) {
        occurrences++;
        lastAt = Math.max(lastAt, t.eventTime);
        peakScore = Math.max(peakScore, t.score);
        if (t.sessionId != null
                && sessions.size() < MAX_SAMPLES
                && !sessions.contains(t.sessionId)) {
            sessions.add(t.sessionId);
        }
        if (t.eventId != null && sampleEventIds.size() < MAX_SAMPLES) {
            sampleEventIds.add(t.eventId);
        }
    }
}
