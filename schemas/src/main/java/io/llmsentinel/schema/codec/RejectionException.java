package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.DlqReason;

/**
 * Ends the decoding of a record, or the mapping of one span, with a rejection. Checked so the
 * mapper cannot forget it, and without a stack trace because it is an expected outcome on bad
 * input, not a bug.
 */
final class RejectionException extends Exception {
    private static final long serialVersionUID = 1L;

    final transient Rejection rejection;

    RejectionException(DlqReason reason, String field, String message) {
        super(message, null, false, false);
        this.rejection = Rejection.of(reason, field, message);
    }

    static RejectionException wrongType(String attribute, String expected, Object actual) {
        return new RejectionException(
                DlqReason.WRONG_TYPE,
                attribute,
                "attribute " + attribute + " must be " + expected + ", got " + actual);
    }
}
