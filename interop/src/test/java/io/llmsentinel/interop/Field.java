package io.llmsentinel.interop;

/**
 * The canonical llm-event fields the suite compares, by their JSON name (schemas/README.md), in
 * report order. {@link #EVENT} is not a field: it is "the exported LLM span became exactly one
 * event", compared like a field so that a missing event is a known gap like any other.
 */
enum Field {
    EVENT("(one event)"),
    PROVIDER_NAME("provider_name"),
    OPERATION_NAME("operation_name"),
    REQUEST_MODEL("request_model"),
    RESPONSE_MODEL("response_model"),
    RESPONSE_ID("response_id"),
    SERVER_ADDRESS("server_address"),
    SERVER_PORT("server_port"),
    REQUEST_MAX_TOKENS("request_max_tokens"),
    REQUEST_TEMPERATURE("request_temperature"),
    USAGE_INPUT_TOKENS("usage_input_tokens"),
    USAGE_OUTPUT_TOKENS("usage_output_tokens"),
    USAGE_CACHE_READ_INPUT_TOKENS("usage_cache_read_input_tokens"),
    USAGE_REASONING_OUTPUT_TOKENS("usage_reasoning_output_tokens"),
    FINISH_REASONS("response_finish_reasons"),
    STATUS("status"),
    ERROR_TYPE("error_type"),
    /** Not in llm-event v1 yet (issue 10, item 3): read by name, so it counts once it exists. */
    ERROR_CLASS("error_class"),
    LATENCY_MS("latency_ms"),
    TIME_TO_FIRST_CHUNK_MS("time_to_first_chunk_ms"),
    PROMPT_TEXT("prompt_text"),
    RESPONSE_TEXT("response_text"),
    RETRIEVED_CONTENT("retrieved_content"),
    USER_ID("user_id"),
    SESSION_ID("session_id"),
    SERVICE_NAME("service_name"),
    DEPLOYMENT_ENVIRONMENT("deployment_environment");

    /** The event's JSON field name. */
    final String json;

    Field(String json) {
        this.json = json;
    }

    @Override
    public String toString() {
        return json;
    }
}
