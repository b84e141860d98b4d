package io.llmsentinel.simulator.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Ground truth for one scripted incident: what happened, to whom, and when. Subject keys that do
 * not apply to the incident type are null (and left out of the JSON).
 *
 * @param startMs first affected event time, epoch ms (inclusive)
 * @param endMs end of the incident, epoch ms (exclusive)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "incident_type",
    "provider_name",
    "model",
    "service_name",
    "tenant_id",
    "user_id",
    "session_id",
    "start_ms",
    "end_ms",
    "description"
})
public record Incident(
        @JsonProperty("incident_type") IncidentType incidentType,
        @JsonProperty("provider_name") String providerName,
        @JsonProperty("model") String model,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("start_ms") long startMs,
        @JsonProperty("end_ms") long endMs,
        @JsonProperty("description") String description) {

    public Incident {
        Objects.requireNonNull(incidentType, "incident_type");
        if (endMs <= startMs) {
            throw new IllegalArgumentException("end_ms must be after start_ms");
        }
    }

    /** Whether an event at this time falls inside the incident window. */
    public boolean covers(long eventTimeMs) {
        return eventTimeMs >= startMs && eventTimeMs < endMs;
    }

    /** Starts a ground-truth record; subject keys are added with the {@code with*} methods. */
    public static Incident of(IncidentType type, long startMs, long endMs, String description) {
        return new Incident(type, null, null, null, null, null, null, startMs, endMs, description);
    }

    public Incident withModel(String provider, String modelName) {
        return new Incident(
                incidentType,
                provider,
                modelName,
                serviceName,
                tenantId,
                userId,
                sessionId,
                startMs,
                endMs,
                description);
    }

    public Incident withService(String service) {
        return new Incident(
                incidentType,
                providerName,
                model,
                service,
                tenantId,
                userId,
                sessionId,
                startMs,
                endMs,
                description);
    }

    public Incident withTenant(String tenant) {
        return new Incident(
                incidentType,
                providerName,
                model,
                serviceName,
                tenant,
                userId,
                sessionId,
                startMs,
                endMs,
                description);
    }

    public Incident withUser(String user) {
        return new Incident(
                incidentType,
                providerName,
                model,
                serviceName,
                tenantId,
                user,
                sessionId,
                startMs,
                endMs,
                description);
    }

    public Incident withSession(String session) {
        return new Incident(
                incidentType,
                providerName,
                model,
                serviceName,
                tenantId,
                userId,
                session,
                startMs,
                endMs,
                description);
    }
}
