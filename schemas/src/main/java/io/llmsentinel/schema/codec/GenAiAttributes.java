package io.llmsentinel.schema.codec;

import static io.llmsentinel.schema.codec.OtlpAttribute.CONVERSATION_ID;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_COST_USD;
import static io.llmsentinel.schema.codec.OtlpAttribute.OPERATION_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.PROMPT_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.PROMPT_VERSION;
import static io.llmsentinel.schema.codec.OtlpAttribute.PROVIDER_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.REQUEST_MAX_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.REQUEST_MODEL;
import static io.llmsentinel.schema.codec.OtlpAttribute.REQUEST_TEMPERATURE;
import static io.llmsentinel.schema.codec.OtlpAttribute.RESPONSE_FINISH_REASONS;
import static io.llmsentinel.schema.codec.OtlpAttribute.RESPONSE_ID;
import static io.llmsentinel.schema.codec.OtlpAttribute.RESPONSE_MODEL;
import static io.llmsentinel.schema.codec.OtlpAttribute.RESPONSE_TIME_TO_FIRST_CHUNK;
import static io.llmsentinel.schema.codec.OtlpAttribute.SERVER_ADDRESS;
import static io.llmsentinel.schema.codec.OtlpAttribute.SERVER_PORT;
import static io.llmsentinel.schema.codec.OtlpAttribute.SYSTEM;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_CACHE_CREATION_INPUT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_CACHE_READ_INPUT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_COMPLETION_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_COST;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_INPUT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_OUTPUT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_PROMPT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_REASONING_OUTPUT_TOKENS;

import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;

/**
 * The call's metadata from OpenTelemetry GenAI span attributes (also the base of OpenLLMetry, which
 * uses the same names): provider, operation, models, endpoint, request parameters, usage, finish
 * reasons, time to first chunk, and our extensions for cost and prompt template. Deprecated names
 * are read when the current one is absent. The table is in schemas/README.md.
 */
final class GenAiAttributes {
    private GenAiAttributes() {}

    static void map(AttributeSlots a, LlmEvent e) throws RejectionException {
        e.conversationId = a.string(CONVERSATION_ID);
        e.providerName = a.string(PROVIDER_NAME, SYSTEM);
        e.operationName = a.string(OPERATION_NAME);
        e.responseModel = a.string(RESPONSE_MODEL);
        e.requestModel = orElse(a.string(REQUEST_MODEL), e.responseModel);
        e.responseId = a.string(RESPONSE_ID);
        e.serverAddress = a.string(SERVER_ADDRESS);
        e.serverPort = port(a.integer(SERVER_PORT));
        e.requestMaxTokens = a.integer(REQUEST_MAX_TOKENS);
        e.requestTemperature = a.number(REQUEST_TEMPERATURE);

        e.usageInputTokens = a.integer(USAGE_INPUT_TOKENS, USAGE_PROMPT_TOKENS);
        e.usageOutputTokens = a.integer(USAGE_OUTPUT_TOKENS, USAGE_COMPLETION_TOKENS);
        e.usageCacheReadInputTokens = a.integer(USAGE_CACHE_READ_INPUT_TOKENS);
        e.usageCacheCreationInputTokens = a.integer(USAGE_CACHE_CREATION_INPUT_TOKENS);
        e.usageReasoningOutputTokens = a.integer(USAGE_REASONING_OUTPUT_TOKENS);
        e.responseFinishReasons = a.strings(RESPONSE_FINISH_REASONS);

        Double ttfc = a.number(RESPONSE_TIME_TO_FIRST_CHUNK);
        e.timeToFirstChunkMs = ttfc == null ? null : ttfc * 1000.0;
        e.costUsd = a.number(LLM_COST_USD, USAGE_COST);
        e.promptTemplateName = a.string(PROMPT_NAME);
        e.promptTemplateVersion = a.string(PROMPT_VERSION);
    }

    static Integer port(Long port) throws RejectionException {
        if (port == null) {
            return null;
        }
        if (port < Integer.MIN_VALUE || port > Integer.MAX_VALUE) {
            // the validator checks 0..65535; this only keeps the narrowing cast honest
            throw new RejectionException(
                    DlqReason.OUT_OF_RANGE, "server_port", "server.port out of range: " + port);
        }
        return port.intValue();
    }

    static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
