package io.llmsentinel.schema.codec;

import static io.llmsentinel.schema.codec.OtlpAttribute.EMBEDDING_INVOCATION_PARAMETERS;
import static io.llmsentinel.schema.codec.OtlpAttribute.EMBEDDING_MODEL_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.INPUT_MIME_TYPE;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_COST_TOTAL;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_FINISH_REASON;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_INVOCATION_PARAMETERS;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_MODEL_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_PROMPT_TEMPLATE_VERSION;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_PROVIDER;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_REQUEST_MODEL_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_RESPONSE_MODEL_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_SYSTEM;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_TOKEN_COUNT_CACHE_READ;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_TOKEN_COUNT_CACHE_WRITE;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_TOKEN_COUNT_COMPLETION;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_TOKEN_COUNT_PROMPT;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_TOKEN_COUNT_REASONING;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_TOKEN_COUNT_TOTAL;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.normalize.ProviderNames;
import java.util.Locale;

/**
 * The call's metadata from an OpenInference LLM or EMBEDDING span: provider from {@code
 * llm.provider} (who hosts the model, and bills for it) else {@code llm.system}; models from {@code
 * llm.request.model_name} / {@code llm.response.model_name}, the invocation parameters' {@code
 * model} and {@code llm.model_name} (the model the response named, once there is one) or {@code
 * embedding.model_name}; tokens including cache and reasoning details; finish reason; max tokens
 * and temperature from the invocation parameters; {@code llm.cost.total}.
 */
final class OpenInferenceAttributes {
    static final String LLM = "LLM";
    static final String EMBEDDING = "EMBEDDING";

    private OpenInferenceAttributes() {}

    /**
     * @param kind LLM or EMBEDDING
     * @param inputShape how the span recorded its input, which tells chat from text completion
     */
    static void map(
            String kind, InputShape inputShape, AttributeSlots a, ContentJson json, LlmEvent e)
            throws RejectionException {
        boolean embedding = EMBEDDING.equals(kind);
        e.providerName = provider(a.string(LLM_PROVIDER), a.string(LLM_SYSTEM));
        e.operationName = embedding ? "embeddings" : inputShape.operation();

        InvocationParameters params =
                InvocationParameters.parse(
                        a.string(
                                embedding
                                        ? EMBEDDING_INVOCATION_PARAMETERS
                                        : LLM_INVOCATION_PARAMETERS),
                        json);
        String modelName = a.string(LLM_MODEL_NAME);
        e.requestModel =
                first(
                        a.string(LLM_REQUEST_MODEL_NAME),
                        params.model(),
                        modelName,
                        a.string(EMBEDDING_MODEL_NAME));
        // llm.model_name is overwritten with the response's model once one arrives; a failed call
        // has none, so there it is only the request's.
        e.responseModel = first(a.string(LLM_RESPONSE_MODEL_NAME), e.isError() ? null : modelName);
        e.requestMaxTokens = params.maxTokens();
        e.requestTemperature = params.temperature();

        e.usageInputTokens = a.integer(LLM_TOKEN_COUNT_PROMPT);
        e.usageOutputTokens = a.integer(LLM_TOKEN_COUNT_COMPLETION);
        e.usageCacheReadInputTokens = a.integer(LLM_TOKEN_COUNT_CACHE_READ);
        e.usageCacheCreationInputTokens = a.integer(LLM_TOKEN_COUNT_CACHE_WRITE);
        e.usageReasoningOutputTokens = a.integer(LLM_TOKEN_COUNT_REASONING);
        UsageTotals.fillFromTotal(e, a.integer(LLM_TOKEN_COUNT_TOTAL));
        e.responseFinishReasons = a.strings(LLM_FINISH_REASON);
        e.costUsd = a.number(LLM_COST_TOTAL);
        e.promptTemplateVersion = a.string(LLM_PROMPT_TEMPLATE_VERSION);
    }

    /**
     * The hosting provider wins; Google hosts Gemini both on its API and on Vertex AI, told apart
     * by llm.system.
     */
    static String provider(String provider, String system) {
        if (provider == null) {
            return system;
        }
        if (provider.trim().equalsIgnoreCase("google")
                && system != null
                && system.trim().toLowerCase(Locale.ROOT).startsWith("vertex")) {
            return ProviderNames.GCP_VERTEX_AI;
        }
        return provider;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** How an LLM span recorded its input. */
    enum InputShape {
        MESSAGES,
        PROMPTS,
        PLAIN_TEXT,
        OTHER;

        /**
         * Chat for messages; a text completion for completions-API prompts ({@code llm.prompts}, or
         * a plain-text input.value, which is how instrumentations record a completions call); chat
         * otherwise, the common case, also when content capture is off.
         */
        String operation() {
            return this == PROMPTS || this == PLAIN_TEXT ? "text_completion" : "chat";
        }

        static InputShape of(boolean hasMessages, boolean hasPrompts, AttributeSlots a) {
            if (hasMessages) {
                return MESSAGES;
            }
            if (hasPrompts) {
                return PROMPTS;
            }
            String mime = AnyValues.textOrNull(a.get(INPUT_MIME_TYPE));
            return mime != null && mime.trim().toLowerCase(Locale.ROOT).startsWith("text/plain")
                    ? PLAIN_TEXT
                    : OTHER;
        }
    }
}
