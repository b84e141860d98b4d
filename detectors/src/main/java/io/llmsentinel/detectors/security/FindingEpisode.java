package io.llmsentinel.detectors.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An open finding episode: one anomaly type on one subject, from its first finding until {@code
 * quietMs} pass without another. Bounded: a few samples and previews, counters otherwise. A Flink
 * POJO.
 */
public class FindingEpisode {
    static final int MAX_SAMPLES = 20;
    static final int MAX_RULES = 32;

    public String anomalyType;
    public String episodeId;
    public long openedAt;
    public long lastSeenAt;
    public long findings;
    public double maxScore;
    public String severity;

    public String tenantId;
    public String userId;
    public String sessionId;
    public String serviceName;
    public String providerName;
    public String model;

    public List<String> ruleIds = new ArrayList<>();
    public Map<String, Long> entityCounts = new HashMap<>();
    public List<String> sampleEventIds = new ArrayList<>();

    /** Timer that resolves the episode; moved forward by each finding. */
    public long resolveAt;

    public FindingEpisode() {}

    void absorb(SecurityFinding f) {
        findings++;
        lastSeenAt = Math.max(lastSeenAt, f.eventTime);
        maxScore = Math.max(maxScore, f.score);
        for (String rule : f.ruleIds) {
            if (ruleIds.size() < MAX_RULES && !ruleIds.contains(rule)) {
                ruleIds.add(rule);
            }
        }
        for (String type : f.entityTypes) {
            entityCounts.merge(type, 1L, Long::sum);
        }
        if (f.eventId != null && sampleEventIds.size() < MAX_SAMPLES) {
            sampleEventIds.add(f.eventId);
        }
    }
}
