package io.llmsentinel.schema.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finish reasons in one vocabulary: {@code stop}, {@code length}, {@code tool_calls}, {@code
 * content_filter}, {@code error}. Providers and conventions each have their own (Anthropic's {@code
 * end_turn} and {@code max_tokens}, Gemini's {@code STOP} and {@code SAFETY}, the OTel output
 * messages' {@code tool_call}); rules such as the max_tokens surge count one of them, so they must
 * all say the same. A reason outside the table is kept, lower-cased, with {@code -} as {@code _}.
 */
public final class FinishReasons {
    public static final String STOP = "stop";
    public static final String LENGTH = "length";
    public static final String TOOL_CALLS = "tool_calls";
    public static final String CONTENT_FILTER = "content_filter";
    public static final String ERROR = "error";

    private static final Aliases ALIASES =
            new Aliases(FinishReasons::key, FinishReasons::key)
                    .add(STOP, "stop", "end_turn", "stop_sequence", "eos", "eos_token", "complete")
                    .add(
                            LENGTH,
                            "length",
                            "max_tokens",
                            "max_output_tokens",
                            "max_completion_tokens")
                    .add(TOOL_CALLS, "tool_calls", "tool_call", "tool_use", "function_call")
                    .add(
                            CONTENT_FILTER,
                            "content_filter",
                            "content_filtered",
                            "safety",
                            "recitation",
                            "blocklist",
                            "prohibited_content",
                            "spii",
                            "image_safety",
                            "refusal",
                            "guardrail_intervened")
                    .add(ERROR, "error", "malformed_function_call");

    private FinishReasons() {}

    /** The canonical reason; null and blank give null. */
    public static String normalize(String reason) {
        return ALIASES.normalize(reason);
    }

    /** Each reason normalised, blanks dropped, order kept; null when nothing is left. */
    public static List<String> normalize(List<String> reasons) {
        if (reasons == null) {
            return null;
        }
        List<String> out = new ArrayList<>(reasons.size());
        for (String r : reasons) {
            String n = normalize(r);
            if (n != null) {
                out.add(n);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** "MAX_TOKENS", "max-tokens" and Vertex's "FINISH_REASON_MAX_TOKENS" share "max_tokens". */
    private static String key(String reason) {
        String k = reason.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return k.startsWith("finish_reason_") ? k.substring("finish_reason_".length()) : k;
    }
}
