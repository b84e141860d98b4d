package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.DlqReason;

/** Why one record (or one span of it) could not become an event. */
public record Rejection(DlqReason reason, String field, String message) {
    public static Rejection of(DlqReason reason, String field, String message) {
        return new Rejection(reason, field, message);
    }
}
