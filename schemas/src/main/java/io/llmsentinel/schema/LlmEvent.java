package io.llmsentinel.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;

/**
 * The canonical llm-event v1: one LLM call. Matches {@code schemas/v1/llm-event.schema.json}; field
 * names in JSON are the snake_case form of the Java names (see schemas/README.md for the
 * OpenTelemetry attribute behind each one).
 *
 * <p>A Flink POJO (public fields, no-arg constructor, collections declared by interface) so that
 * Flink serialises it without Kryo.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema_version", "event_id", "event_time"})
public class LlmEvent {
    public static final int SCHEMA_VERSION = 1;
    public static final String STATUS_OK = "ok";
    public static final String STATUS_ERROR = "error";

    public int schemaVersion = SCHEMA_VERSION;
    public String eventId;
    public long eventTime;
    public String traceId;
    public String spanId;

    public String serviceName;
    public String deploymentEnvironment;
    public String tenantId;
    public String userId;
    public String sessionId;
    public String conversationId;

    public String providerName;
    public String operationName;
    public String requestModel;
    public String responseModel;
    public String responseId;
    public String serverAddress;
    public Integer serverPort;
    public Long requestMaxTokens;
    public Double requestTemperature;

    public Long usageInputTokens;
    public Long usageOutputTokens;
    public Long usageCacheReadInputTokens;
    public Long usageCacheCreationInputTokens;
    public Long usageReasoningOutputTokens;
    public List<String> responseFinishReasons;

    public String status;
    public String errorType;

    /**
     * rate_limit, timeout, server, client, content_filter (see {@link ErrorClass}), or null: set by
     * ingest for failed calls from the error type and whatever else telemetry says about the
     * failure.
     */
    public String errorClass;

    public double latencyMs;
    public Double timeToFirstChunkMs;
    public Double costUsd;

    public String promptTemplateName;
    public String promptTemplateVersion;

    /** The user's turn: the last run of user messages, never the system prompt or history. */
    public String promptText;

    /** SHA-256 (lower-case hex) of the system/developer instructions, joined by newlines. */
    public String systemPromptSha256;

    /** Length of those instructions in Unicode code points. */
    public Integer systemPromptChars;

    /** The instructions themselves: only when ingest is configured to capture system prompts. */
    public String systemPromptText;

    public String responseText;
    public List<String> retrievedContent;
    public float[] embedding;

    public String sourceFormat;
    public Long ingestTime;
    public List<String> ingestFlags;

    public LlmEvent() {}

    /** The model that answered when known, else the one requested. */
    @JsonIgnore
    public String effectiveModel() {
        return responseModel != null ? responseModel : requestModel;
    }

    @JsonIgnore
    public boolean isError() {
        return STATUS_ERROR.equals(status);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LlmEvent && Codecs.equalAsJson(this, o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, eventTime);
    }

    @Override
    public String toString() {
        return Codecs.toJsonString(this);
    }
}
