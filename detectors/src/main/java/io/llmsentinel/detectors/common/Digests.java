package io.llmsentinel.detectors.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers shared by the redaction and id code of this package. */
final class Digests {
    private static final HexFormat HEX = HexFormat.of();

    private Digests() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256, so this cannot happen.
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }

    /**
     * Returns a fresh copy of {@code prototype}, which already holds any prefix (a salt). Cloning
     * avoids both re-hashing the prefix and sharing a non thread-safe digest between threads.
     */
    static MessageDigest copyOf(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // The JDK's SHA-256 implementation is cloneable; a provider that is not fails fast.
            throw new IllegalStateException("SHA-256 digest is not cloneable", e);
        }
    }

    /** Finishes {@code digest} over {@code text} (UTF-8) and returns the first hex characters. */
    static String hexPrefix(MessageDigest digest, String text, int hexChars) {
        byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(hash, 0, (hexChars + 1) / 2).substring(0, hexChars);
    }
}
