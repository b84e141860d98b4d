package io.llmsentinel.detectors.common;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns sensitive text (secrets, PII, prompt fragments) into evidence that is safe to publish:
 * masks, salted hashes and masked snippets. Immutable and thread-safe; no regular expressions.
 *
 * <p>Masking rules: values shorter than {@value #MIN_LENGTH_TO_REVEAL} code points are replaced
 * entirely by {@value #FULL_MASK}, because a few characters of a short value (an SSN, a phone
 * number, a short password) reveal too much of it. Longer values keep {@code length / 8} code
 * points at each end, at most {@value #MAX_REVEALED_PER_SIDE}, so at most a quarter of a value is
 * ever shown: {@code sk-a…f3Q9}. Neither form reveals the length of the value.
 *
 * <p>Hashing: SHA-256 over salt and value, hex, truncated to {@value #HASH_HEX_CHARS} characters.
 * Without a salt anyone can hash every SSN or phone number and reverse the hash by lookup, so
 * deployments that publish hashes of PII should use {@link #withSalt(byte[])} with a secret of
 * their own; the unsalted form is for values from large spaces (API keys) and for tests.
 */
public final class Redaction implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int HASH_HEX_CHARS = 16;
    public static final int MIN_SALT_BYTES = 16;
    public static final int MIN_LENGTH_TO_REVEAL = 16;
    public static final int MAX_REVEALED_PER_SIDE = 4;
    public static final int MAX_SNIPPET_CONTEXT = 64;
    public static final String FULL_MASK = "****";
    public static final String ELLIPSIS = "\u2026";

    private static final Redaction UNSALTED = new Redaction(new byte[0]);

    private final byte[] salt;
    // Holds the salt already fed in; each hash works on a clone, as MessageDigest is not
    // thread-safe. Rebuilt after Java deserialisation by readResolve.
    private final transient MessageDigest saltedPrototype;

    private Redaction(byte[] salt) {
        this.salt = salt.clone();
        this.saltedPrototype = Digests.sha256();
        this.saltedPrototype.update(this.salt);
    }

    /** Hashes without a salt: reproducible anywhere, but reversible for small value spaces. */
    public static Redaction unsalted() {
        return UNSALTED;
    }

    /**
     * Hashes with a per-deployment secret salt of at least {@value #MIN_SALT_BYTES} bytes, so
     * hashes of small value spaces (SSNs, phone numbers) cannot be reversed by a dictionary.
     */
    public static Redaction withSalt(byte[] salt) {
        Objects.requireNonNull(salt, "salt");
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException(
                    "salt must be at least "
                            + MIN_SALT_BYTES
                            + " bytes: use a random secret per deployment");
        }
        return new Redaction(salt);
    }

    /** {@link #withSalt(byte[])} with the UTF-8 bytes of {@code salt}. */
    public static Redaction withSalt(String salt) {
        return withSalt(Objects.requireNonNull(salt, "salt").getBytes(StandardCharsets.UTF_8));
    }

    public boolean isSalted() {
        return salt.length > 0;
    }

    /** Masks {@code value} following the rules in the class comment; null counts as empty. */
    public Redacted mask(String value) {
        return new Redacted(maskText(value == null ? "" : value));
    }

    /**
     * Returns the first {@value #HASH_HEX_CHARS} hex characters of SHA-256(salt || UTF-8 value): a
     * stable handle to count or join on the same value without publishing it. Null counts as empty.
     */
    public Redacted hash(String value) {
        MessageDigest digest = Digests.copyOf(saltedPrototype);
        return new Redacted(Digests.hexPrefix(digest, value == null ? "" : value, HASH_HEX_CHARS));
    }

    /**
     * A preview of the finding {@code text[start, end)} within its surroundings: up to {@code
     * context} characters on each side stay visible (capped at {@value #MAX_SNIPPET_CONTEXT}, line
     * breaks and control characters shown as spaces), the finding itself is masked and put in
     * brackets, and an ellipsis marks where the context was cut: {@code …my key is [sk-a…f3Q9]
     * and…}.
     */
    public Redacted snippet(String text, int start, int end, int context) {
        Objects.requireNonNull(text, "text");
        Objects.checkFromToIndex(start, end, text.length());
        int reach = Math.max(0, Math.min(context, MAX_SNIPPET_CONTEXT));
        int from = Math.max(0, start - reach);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++; // never show half of a surrogate pair
        }
        int to = Math.min(text.length(), end + reach);
        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        StringBuilder out = new StringBuilder(2 * reach + 16);
        if (from > 0) {
            out.append(ELLIPSIS);
        }
        appendPrintable(out, text, from, start);
        out.append('[').append(maskText(text.substring(start, end))).append(']');
        appendPrintable(out, text, end, to);
        if (to < text.length()) {
            out.append(ELLIPSIS);
        }
        return new Redacted(out.toString());
    }

    /**
     * Like {@link #snippet(String, int, int, int)}, but every span in {@code alsoMasked} (pairs of
     * start, end offsets into {@code text}) that reaches into the visible context is masked too: a
     * phone number next to an e-mail address must not show up raw in the e-mail's preview.
     */
    public Redacted snippet(String text, int start, int end, int context, int[][] alsoMasked) {
        Redacted plain = snippet(text, start, end, context);
        if (alsoMasked == null || alsoMasked.length == 0) {
            return plain;
        }
        int reach = Math.max(0, Math.min(context, MAX_SNIPPET_CONTEXT));
        int from = Math.max(0, start - reach);
        int to = Math.min(text.length(), end + reach);
        char[] visible = text.toCharArray();
        boolean changed = false;
        for (int[] span : alsoMasked) {
            int s = Math.max(from, span[0]);
            int e = Math.min(to, span[1]);
            if (s < e && (span[0] != start || span[1] != end)) {
                for (int i = s; i < e; i++) {
                    visible[i] = '*';
                }
                changed = true;
            }
        }
        return changed ? snippet(new String(visible), start, end, context) : plain;
    }

    private static String maskText(String value) {
        int length = value.codePointCount(0, value.length());
        int revealed =
                length < MIN_LENGTH_TO_REVEAL ? 0 : Math.min(MAX_REVEALED_PER_SIDE, length / 8);
        if (revealed == 0) {
            return FULL_MASK;
        }
        int prefixEnd = value.offsetByCodePoints(0, revealed);
        int suffixStart = value.offsetByCodePoints(value.length(), -revealed);
        StringBuilder out = new StringBuilder();
        appendPrintable(out, value, 0, prefixEnd);
        out.append(ELLIPSIS);
        appendPrintable(out, value, suffixStart, value.length());
        return out.toString();
    }

    // Evidence is read in consoles and alert messages: keep it on one line.
    private static void appendPrintable(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean lineBreakOrControl =
                    Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            out.append(lineBreakOrControl ? ' ' : c);
        }
    }

    private Object readResolve() {
        return salt.length == 0 ? UNSALTED : new Redaction(salt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Redaction other && Arrays.equals(salt, other.salt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        // Never print the salt.
        return isSalted() ? "Redaction(salted)" : "Redaction(unsalted)";
    }
}
