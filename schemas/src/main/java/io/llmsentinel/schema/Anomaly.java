package io.llmsentinel.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The anomaly v1 record every detector emits to llm.anomalies. Matches {@code
 * schemas/v1/anomaly.schema.json}. Detectors emit one record with status {@code open} when a
 * condition starts and one with status {@code resolved} (same episode id) when it ends.
 *
 * <p>Evidence carries what a person needs to act (statistic, baseline, threshold, counts) and is
 * redacted: never raw prompts, responses or PII.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema_version", "anomaly_id", "detector", "anomaly_type", "severity"})
public class Anomaly {
    public static final int SCHEMA_VERSION = 1;
    public static final String SEVERITY_INFO = "info";
    public static final String SEVERITY_WARNING = "warning";
    public static final String SEVERITY_CRITICAL = "critical";
    public static final String STATUS_OPEN = "open";
    public static final String STATUS_RESOLVED = "resolved";

    public int schemaVersion = SCHEMA_VERSION;
    public String anomalyId;
    public String detector;
    public String anomalyType;
    public String severity;
    public Double score;
    public Double confidence;

    public String providerName;
    public String model;
    public String serviceName;
    public String tenantId;
    public String userId;
    public String sessionId;

    public long detectedAt;
    public long windowStart;
    public long windowEnd;
    public Double observedValue;
    public Double baselineValue;
    public Double threshold;
    public String summary;
    public Map<String, String> evidence;
    public List<String> sampleEventIds;

    public String episodeId;
    public String status;

    public Anomaly() {}

    @Override
    public boolean equals(Object o) {
        return o instanceof Anomaly && Codecs.equalAsJson(this, o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(anomalyId);
    }

    @Override
    public String toString() {
        return Codecs.toJsonString(this);
    }
}
