package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.LlmEvent;

/**
 * Fills a missing side of the token usage from a total, for conventions that report one
 * (OpenLLMetry's {@code llm.usage.total_tokens}, OpenInference's {@code llm.token_count.total}).
 * The event has no total of its own: input plus output is it.
 */
final class UsageTotals {
    private UsageTotals() {}

    /**
     * With one side known, the other is the rest of the total (when the total covers it); with
     * neither, an embedding call's total is all input. Anything else stays unknown: splitting a
     * chat's total would invent numbers the cost job then prices.
     */
    static void fillFromTotal(LlmEvent e, Long total) {
        if (total == null || total < 0) {
            return;
        }
        Long in = e.usageInputTokens;
        Long out = e.usageOutputTokens;
        if (in != null && out == null && total >= in) {
            e.usageOutputTokens = total - in;
        } else if (out != null && in == null && total >= out) {
            e.usageInputTokens = total - out;
        } else if (in == null && out == null && "embeddings".equals(e.operationName)) {
            e.usageInputTokens = total;
        }
    }
}
