package io.llmsentinel.schema;

/** Why an input record went to the dead-letter topic. Values of {@code reason_code}. */
public enum DlqReason {
    /** Not parseable as JSON (truncated, wrong syntax, too deeply nested). */
    MALFORMED_JSON,
    /** Not parseable as an OTLP ExportTraceServiceRequest protobuf. */
    MALFORMED_PROTOBUF,
    /** JSON, but not in the OTLP/JSON trace shape. */
    MALFORMED_OTLP_JSON,
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8,
    /** A required field is absent or empty. */
    MISSING_FIELD,
    /** A field has the wrong JSON type. */
    WRONG_TYPE,
    /** A number is negative, NaN, infinite or beyond its allowed range. */
    OUT_OF_RANGE,
    /** The event time is too far in the future or the past. */
    TIMESTAMP_OUT_OF_RANGE,
    /** The record declares a schema version this job does not read. */
    UNSUPPORTED_SCHEMA_VERSION,
    /** The whole record is larger than the configured limit. */
    OVERSIZED_RECORD
}
