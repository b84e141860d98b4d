package io.llmsentinel.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The incident v1 record the correlation job emits to llm.incidents: anomalies of one subject that
 * belong together (one degradation, one runaway agent, one attack and its leak) as one thing a
 * person acts on. Matches {@code schemas/v1/incident.schema.json}. An incident is emitted when it
 * opens, again ({@code updated}) each time a member joins or its severity rises, and once when it
 * resolves; every record carries the whole member list, so the latest record is the incident.
 *
 * <p>Evidence is the members' already redacted summaries and sample event ids: never raw prompts,
 * responses or PII.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema_version", "incident_id", "pattern", "title", "severity", "status"})
public class Incident {
    public static final int SCHEMA_VERSION = 1;
    public static final String STATUS_OPEN = "open";
    public static final String STATUS_UPDATED = "updated";
    public static final String STATUS_RESOLVED = "resolved";

    public int schemaVersion = SCHEMA_VERSION;
    public String incidentId;

    /** The correlation pattern that made the incident, or {@code single} for a lone anomaly. */
    public String pattern;

    public String title;

    /** The highest severity of the members. */
    public String severity;

    public String status;

    /** A counter per incident: 0 for the open record, +1 per later record (orders updates). */
    public int revision;

    public String providerName;
    public String model;
    public String serviceName;
    public String tenantId;
    public String userId;
    public String sessionId;

    /** Event time of the first member's detection. */
    public long openedAt;

    /** Event time of the change this record reports. */
    public long updatedAt;

    public Long resolvedAt;

    public List<IncidentMember> members;
    public RootCauseHint rootCauseHint;
    public List<String> sampleEventIds;
    public Map<String, String> evidence;

    public Incident() {}

    /**
     * A deterministic incident id: the same pattern, subject and first member episode give the same
     * id on every replay of the same anomalies.
     */
    public static String idFor(String pattern, String subjectKey, String firstEpisodeId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // each part length-prefixed: no choice of parts can spell another choice's input
            for (String part : new String[] {pattern, subjectKey, firstEpisodeId}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            byte[] digest = sha.digest();
            return "inc-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Incident && Codecs.equalAsJson(this, o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(incidentId, revision);
    }

    @Override
    public String toString() {
        return Codecs.toJsonString(this);
    }
}
