package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.DlqReason;

/** The rejection for a record over {@link ValidationLimits#maxRecordBytes()}. */
final class Oversized {
    private Oversized() {}

    static Rejection rejection(int size, ValidationLimits limits) {
        return Rejection.of(
                DlqReason.OVERSIZED_RECORD,
                null,
                "record is " + size + " bytes, limit " + limits.maxRecordBytes());
    }
}
