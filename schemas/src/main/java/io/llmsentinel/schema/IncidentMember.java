package io.llmsentinel.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/** One anomaly episode inside an incident: which anomaly, of which detector, on which subject. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IncidentMember {
    /** The id of the member's latest anomaly record (its open or its resolved record). */
    public String anomalyId;

    public String episodeId;
    public String detector;
    public String anomalyType;
    public String severity;

    /** The member episode's status: {@code open} or {@code resolved}. */
    public String status;

    public String providerName;
    public String model;
    public String serviceName;
    public String tenantId;
    public String userId;
    public String sessionId;

    public long detectedAt;
    public long windowStart;
    public long windowEnd;

    /** The anomaly's own (redacted) summary. */
    public String summary;

    public IncidentMember() {}

    @Override
    public boolean equals(Object o) {
        return o instanceof IncidentMember && Codecs.equalAsJson(this, o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(episodeId);
    }
}
