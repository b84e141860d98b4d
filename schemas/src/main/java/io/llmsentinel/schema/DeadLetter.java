package io.llmsentinel.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Base64;
import java.util.Objects;

/**
 * The dead-letter v1 record: an input the ingest job could not turn into an llm-event, with a
 * machine-readable reason, a human message, where it came from, and the original bytes (base64,
 * truncated beyond a limit, with the original size). Matches {@code
 * schemas/v1/dead-letter.schema.json}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema_version", "reason_code", "message"})
public class DeadLetter {
    public static final int SCHEMA_VERSION = 1;

    public int schemaVersion = SCHEMA_VERSION;
    public String reasonCode;
    public String message;
    public String field;
    public String sourceFormat;
    public String sourceTopic;
    public Integer sourcePartition;
    public Long sourceOffset;
    public Long sourceTimestamp;
    public long ingestTime;
    public String payloadBase64;
    public int payloadSizeBytes;
    public boolean payloadTruncated;

    public DeadLetter() {}

    /** Builds a record holding at most {@code maxPayloadBytes} of the original payload. */
    public static DeadLetter of(
            DlqReason reason,
            String message,
            String field,
            byte[] payload,
            int maxPayloadBytes,
            long ingestTime) {
        DeadLetter d = new DeadLetter();
        d.reasonCode = reason.name();
        d.message = message == null ? reason.name() : truncate(message, 2048);
        d.field = field;
        d.ingestTime = ingestTime;
        byte[] bytes = payload == null ? new byte[0] : payload;
        d.payloadSizeBytes = bytes.length;
        int kept = Math.min(bytes.length, Math.max(0, maxPayloadBytes));
        d.payloadTruncated = kept < bytes.length;
        d.payloadBase64 =
                Base64.getEncoder()
                        .encodeToString(
                                kept == bytes.length
                                        ? bytes
                                        : java.util.Arrays.copyOf(bytes, kept));
        return d;
    }

    @JsonIgnore
    public byte[] payloadBytes() {
        return Base64.getDecoder().decode(payloadBase64);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter && Codecs.equalAsJson(this, o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reasonCode, sourceTopic, sourcePartition, sourceOffset);
    }

    @Override
    public String toString() {
        return Codecs.toJsonString(this);
    }
}
