package io.llmsentinel.schema.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * The span and resource attributes the OTLP mapper reads. Each has a slot in {@link
 * AttributeSlots}, so a span's attribute list is scanned once with one hash lookup per attribute
 * and every later read is an array access.
 */
enum OtlpAttribute {
    // GenAI semantic conventions
    OPERATION_NAME("gen_ai.operation.name"),
    PROVIDER_NAME("gen_ai.provider.name"),
    /** Deprecated in favour of gen_ai.provider.name; older instrumentations still send it. */
    SYSTEM("gen_ai.system"),
    REQUEST_MODEL("gen_ai.request.model"),
    REQUEST_MAX_TOKENS("gen_ai.request.max_tokens"),
    REQUEST_TEMPERATURE("gen_ai.request.temperature"),
    RESPONSE_MODEL("gen_ai.response.model"),
    RESPONSE_ID("gen_ai.response.id"),
    RESPONSE_FINISH_REASONS("gen_ai.response.finish_reasons"),
    RESPONSE_TIME_TO_FIRST_CHUNK("gen_ai.response.time_to_first_chunk"),
    USAGE_INPUT_TOKENS("gen_ai.usage.input_tokens"),
    /** Deprecated name of gen_ai.usage.input_tokens. */
    USAGE_PROMPT_TOKENS("gen_ai.usage.prompt_tokens"),
    USAGE_OUTPUT_TOKENS("gen_ai.usage.output_tokens"),
    /** Deprecated name of gen_ai.usage.output_tokens. */
    USAGE_COMPLETION_TOKENS("gen_ai.usage.completion_tokens"),
    USAGE_CACHE_READ_INPUT_TOKENS("gen_ai.usage.cache_read.input_tokens"),
    USAGE_CACHE_CREATION_INPUT_TOKENS("gen_ai.usage.cache_creation.input_tokens"),
    USAGE_REASONING_OUTPUT_TOKENS("gen_ai.usage.reasoning.output_tokens"),
    CONVERSATION_ID("gen_ai.conversation.id"),
    INPUT_MESSAGES("gen_ai.input.messages"),
    OUTPUT_MESSAGES("gen_ai.output.messages"),
    RETRIEVAL_DOCUMENTS("gen_ai.retrieval.documents"),
    SYSTEM_INSTRUCTIONS("gen_ai.system_instructions"),

    // general semantic conventions
    ERROR_TYPE("error.type"),
    HTTP_RESPONSE_STATUS_CODE("http.response.status_code"),
    SERVER_ADDRESS("server.address"),
    SERVER_PORT("server.port"),
    SESSION_ID("session.id"),
    USER_ID("user.id"),
    SERVICE_NAME("service.name"),
    DEPLOYMENT_ENVIRONMENT_NAME("deployment.environment.name"),
    /** Deprecated name of deployment.environment.name. */
    DEPLOYMENT_ENVIRONMENT("deployment.environment"),

    // LLM-Sentinel extensions (no semantic convention exists for these)
    TENANT_ID("tenant.id"),
    LLM_COST_USD("llm.cost_usd"),
    USAGE_COST("gen_ai.usage.cost"),
    PROMPT_NAME("gen_ai.prompt.name"),
    PROMPT_VERSION("gen_ai.prompt.version"),

    // OpenLLMetry (Traceloop) names that are not, or no longer, GenAI semantic conventions
    LLM_REQUEST_TYPE("llm.request.type"),
    LLM_USAGE_TOTAL_TOKENS("llm.usage.total_tokens"),
    USAGE_TOTAL_TOKENS("gen_ai.usage.total_tokens"),
    /** OpenLLMetry's name before the OTel one with a dot (cache_read.input_tokens). */
    USAGE_CACHE_READ_INPUT_TOKENS_UNDERSCORE("gen_ai.usage.cache_read_input_tokens"),
    USAGE_CACHE_CREATION_INPUT_TOKENS_UNDERSCORE("gen_ai.usage.cache_creation_input_tokens"),
    USAGE_REASONING_TOKENS("gen_ai.usage.reasoning_tokens"),
    LLM_RESPONSE_FINISH_REASON("llm.response.finish_reason"),
    LLM_RESPONSE_STOP_REASON("llm.response.stop_reason"),
    OPENAI_API_BASE("gen_ai.openai.api_base"),
    TRACELOOP_USER_ID("traceloop.association.properties.user_id"),
    TRACELOOP_SESSION_ID("traceloop.association.properties.session_id"),

    // OpenInference (Arize)
    OPENINFERENCE_SPAN_KIND("openinference.span.kind"),
    LLM_PROVIDER("llm.provider"),
    LLM_SYSTEM("llm.system"),
    LLM_MODEL_NAME("llm.model_name"),
    LLM_REQUEST_MODEL_NAME("llm.request.model_name"),
    LLM_RESPONSE_MODEL_NAME("llm.response.model_name"),
    LLM_INVOCATION_PARAMETERS("llm.invocation_parameters"),
    LLM_FINISH_REASON("llm.finish_reason"),
    LLM_TOKEN_COUNT_PROMPT("llm.token_count.prompt"),
    LLM_TOKEN_COUNT_COMPLETION("llm.token_count.completion"),
    LLM_TOKEN_COUNT_TOTAL("llm.token_count.total"),
    LLM_TOKEN_COUNT_CACHE_READ("llm.token_count.prompt_details.cache_read"),
    LLM_TOKEN_COUNT_CACHE_WRITE("llm.token_count.prompt_details.cache_write"),
    LLM_TOKEN_COUNT_REASONING("llm.token_count.completion_details.reasoning"),
    LLM_COST_TOTAL("llm.cost.total"),
    LLM_PROMPT_TEMPLATE_VERSION("llm.prompt_template.version"),
    EMBEDDING_MODEL_NAME("embedding.model_name"),
    EMBEDDING_INVOCATION_PARAMETERS("embedding.invocation_parameters"),
    INPUT_VALUE("input.value"),
    INPUT_MIME_TYPE("input.mime_type"),
    OUTPUT_VALUE("output.value");

    static final int COUNT = values().length;

    private static final Map<String, OtlpAttribute> BY_KEY = new HashMap<>(COUNT * 2);

    static {
        for (OtlpAttribute a : values()) {
            BY_KEY.put(a.key, a);
        }
    }

    final String key;

    OtlpAttribute(String key) {
        this.key = key;
    }

    /** The attribute with this key, or null when the mapper does not read it. */
    static OtlpAttribute byKey(String key) {
        return BY_KEY.get(key);
    }
}
