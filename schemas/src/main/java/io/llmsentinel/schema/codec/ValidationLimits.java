package io.llmsentinel.schema.codec;

import java.io.Serializable;
import java.time.Duration;

/**
 * The bounds the ingest path enforces. Records beyond {@code maxRecordBytes} are dead-lettered;
 * text fields longer than {@code maxTextChars} are truncated and flagged, never dropped.
 *
 * @param maxRecordBytes whole record size limit
 * @param maxTextChars limit per text field (prompt, response, each retrieved item)
 * @param maxFutureSkew how far past the reference time an event time may lie
 * @param maxEventAge how far before the reference time an event time may lie; zero disables the
 *     check (replays of old logs)
 * @param maxJsonDepth nesting limit for JSON input
 */
public record ValidationLimits(
        int maxRecordBytes,
        int maxTextChars,
        Duration maxFutureSkew,
        Duration maxEventAge,
        int maxJsonDepth)
        implements Serializable {

    public static final ValidationLimits DEFAULTS =
            new ValidationLimits(
                    4 * 1024 * 1024, 32 * 1024, Duration.ofHours(1), Duration.ofDays(7), 64);

    public ValidationLimits withMaxEventAge(Duration age) {
        return new ValidationLimits(maxRecordBytes, maxTextChars, maxFutureSkew, age, maxJsonDepth);
    }
}
