package io.llmsentinel.detectors.security;

import java.util.ArrayList;
import java.util.List;

/**
 * One detection in one event (an injection attempt, a leaked secret, ...), already redacted: the
 * scanner turns raw text into rule ids, entity types, a masked preview and a salted hash before
 * anything leaves it, so no later operator, state or record ever holds the raw value. A Flink POJO.
 */
public class SecurityFinding {
    /** The anomaly type the finding feeds, e.g. {@code pii_leak}. */
    public String anomalyType;

    /** Who the episode is about (see {@link SecuritySubjects}); the key of the episode operator. */
    public String subjectKey;

    public String eventId;
    public long eventTime;
    public String tenantId;
    public String userId;
    public String sessionId;
    public String serviceName;
    public String providerName;
    public String model;

    /** Where it was found: prompt, response or retrieved_content. */
    public String field;

    /** Scanner score for attacks (0..1); 1 for validated PII and secrets. */
    public double score;

    /** Attack category or entity type of the strongest finding. */
    public String category;

    public List<String> ruleIds = new ArrayList<>();
    public List<String> entityTypes = new ArrayList<>();

    /** Masked snippet around the strongest match: never the raw value. */
    public String maskedPreview;

    /** Salted hash of the matched value, to correlate repeats without storing it. */
    public String valueHash;

    public SecurityFinding() {}
}
