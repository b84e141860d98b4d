package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.LlmEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place that writes the system-prompt fields, so that the rule "the text only when capture
 * is on" holds for every input format: the hash and length always, the text only when {@link
 * ContentOptions#captureSystemPrompts()}.
 */
final class SystemPrompts {
    private SystemPrompts() {}

    /**
     * Sets hash, length and (if captured) text of {@code instructions}; clears all three when there
     * are none.
     */
    static void set(LlmEvent e, String instructions, ContentOptions options) {
        if (instructions == null || instructions.isEmpty()) {
            e.systemPromptSha256 = null;
            e.systemPromptChars = null;
            e.systemPromptText = null;
            return;
        }
        e.systemPromptSha256 = sha256(instructions);
        e.systemPromptChars = instructions.codePointCount(0, instructions.length());
        e.systemPromptText = options.captureSystemPrompts() ? instructions : null;
    }

    /**
     * For records that arrive as events (our JSON): a text sent by the producer decides the hash
     * and length and is dropped unless captured; a hash and length sent without text are kept.
     */
    static void apply(LlmEvent e, ContentOptions options) {
        if (e.systemPromptText != null) {
            set(e, e.systemPromptText, options);
        }
    }

    static String sha256(String text) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM provides SHA-256", ex);
        }
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
