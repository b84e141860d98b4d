package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.LlmEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What OpenLLMetry (Traceloop) spans carry beyond the GenAI names {@link GenAiAttributes} reads:
 * the operation as {@code llm.request.type}, usage under its older names and as a total, finish
 * reasons as {@code llm.response.*}, the user and session the application set as association
 * properties, and the endpoint as {@code gen_ai.openai.api_base}. Each fills a field only when the
 * GenAI name left it empty.
 */
final class OpenLlmetryAttributes {
    private OpenLlmetryAttributes() {}

    static void map(AttributeSlots a, LlmEvent e) throws RejectionException {
        if (e.operationName == null) {
            e.operationName = operation(a.string(OtlpAttribute.LLM_REQUEST_TYPE));
        }
        if (e.usageCacheReadInputTokens == null) {
            e.usageCacheReadInputTokens =
                    a.integer(OtlpAttribute.USAGE_CACHE_READ_INPUT_TOKENS_UNDERSCORE);
        }
        if (e.usageCacheCreationInputTokens == null) {
            e.usageCacheCreationInputTokens =
                    a.integer(OtlpAttribute.USAGE_CACHE_CREATION_INPUT_TOKENS_UNDERSCORE);
        }
        if (e.usageReasoningOutputTokens == null) {
            e.usageReasoningOutputTokens = a.integer(OtlpAttribute.USAGE_REASONING_TOKENS);
        }
        UsageTotals.fillFromTotal(
                e,
                a.integer(OtlpAttribute.LLM_USAGE_TOTAL_TOKENS, OtlpAttribute.USAGE_TOTAL_TOKENS));
        if (e.responseFinishReasons == null) {
            e.responseFinishReasons = a.strings(OtlpAttribute.LLM_RESPONSE_FINISH_REASON);
        }
        if (e.responseFinishReasons == null) {
            e.responseFinishReasons = a.strings(OtlpAttribute.LLM_RESPONSE_STOP_REASON);
        }
        if (e.userId == null) {
            e.userId = a.string(OtlpAttribute.TRACELOOP_USER_ID);
        }
        if (e.sessionId == null) {
            e.sessionId = a.string(OtlpAttribute.TRACELOOP_SESSION_ID);
        }
        if (e.serverAddress == null) {
            setEndpoint(a.string(OtlpAttribute.OPENAI_API_BASE), e);
        }
    }

    /** llm.request.type values (chat, completion, embedding, rerank) in OTel operation names. */
    static String operation(String requestType) {
        if (requestType == null) {
            return null;
        }
        return switch (requestType.trim().toLowerCase(Locale.ROOT)) {
            case "chat" -> "chat";
            case "completion" -> "text_completion";
            case "embedding", "embeddings" -> "embeddings";
            case "rerank" -> "rerank";
            default -> null; // "unknown" and anything else says nothing
        };
    }

    /** "https://api.openai.com/v1/" gives api.openai.com (and the port only when explicit). */
    private static void setEndpoint(String apiBase, LlmEvent e) {
        if (apiBase == null) {
            return;
        }
        try {
            URI uri = new URI(apiBase.trim());
            if (uri.getHost() != null) {
                e.serverAddress = uri.getHost();
                if (uri.getPort() >= 0) {
                    e.serverPort = uri.getPort();
                }
            }
        } catch (URISyntaxException ex) {
            // not a URL: no endpoint rather than a rejected call
        }
    }
}
