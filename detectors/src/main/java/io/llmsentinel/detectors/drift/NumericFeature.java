package io.llmsentinel.detectors.drift;

import io.llmsentinel.schema.LlmEvent;
import java.util.Locale;

/**
 * The numeric features whose distributions the drift job compares. Latency and output tokens come
 * from successful calls only: failures end early and would make an error burst look like a latency
 * shift (error bursts have their own detector and the error_type feature here).
 */
public enum NumericFeature {
    LATENCY_MS,
    TTFT_MS,
    INPUT_TOKENS,
    OUTPUT_TOKENS,
    RESPONSE_CHARS,
    COST_USD;

    /** The value of this feature in {@code e}, or NaN when the event does not carry it. */
    public double value(LlmEvent e) {
        boolean ok = !LlmEvent.STATUS_ERROR.equals(e.status);
        return switch (this) {
            case LATENCY_MS -> ok ? e.latencyMs : Double.NaN;
            case TTFT_MS -> ok && e.timeToFirstChunkMs != null ? e.timeToFirstChunkMs : Double.NaN;
            case INPUT_TOKENS -> e.usageInputTokens != null ? e.usageInputTokens : Double.NaN;
            case OUTPUT_TOKENS ->
                    ok && e.usageOutputTokens != null ? e.usageOutputTokens : Double.NaN;
            case RESPONSE_CHARS -> e.responseText != null ? e.responseText.length() : Double.NaN;
            case COST_USD -> e.costUsd != null ? e.costUsd : Double.NaN;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
