package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.RootCauseHint;
import java.util.List;
import java.util.Objects;

/**
 * One match of an {@link IncidentPattern}: which anomalies belong together, on which subject, and
 * which of them most likely started it. The correlation job turns matches into incidents (or
 * absorbs them into an open one); a match is not itself a wire record. A Flink POJO: public fields,
 * a no-argument constructor, no Kryo.
 */
public class PatternMatch {
    /**
     * Deterministic: the same pattern, subject and members give the same id on every replay ({@code
     * match-} + 32 hex).
     */
    public String matchId;

    /** The pattern's wire name, e.g. {@code model_degradation}: the incident's {@code pattern}. */
    public String pattern;

    /** One line for a person: what and where. Identifiers only, no raw text. */
    public String title;

    /** The highest severity of the members (a pattern may raise it, never lower it). */
    public String severity;

    /** The key the pattern's CEP operator was keyed by ({@link PatternSubject}). */
    public String subjectKey;

    /** The subject's fields at the pattern's level; the others stay null. */
    public String providerName;

    public String model;
    public String serviceName;
    public String tenantId;
    public String userId;
    public String sessionId;

    /** The member anomalies (open records) in event-time order, as the pattern saw them. */
    public List<Anomaly> members;

    /** The member the match most likely started from, and why it was chosen. */
    public RootCauseHint rootCause;

    /** Event time of the member that completed the match: the time the match was made. */
    public long matchedAt;

    public PatternMatch() {}

    @Override
    public boolean equals(Object o) {
        return o instanceof PatternMatch other
                && Codecs.mapper().valueToTree(this).equals(Codecs.mapper().valueToTree(other));
    }

    @Override
    public int hashCode() {
        return Objects.hash(matchId);
    }

    @Override
    public String toString() {
        return Codecs.toJsonString(this);
    }
}
