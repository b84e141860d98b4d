package io.llmsentinel.schema.codec;

import com.google.protobuf.ByteString;

/**
 * Hex encoding of trace and span ids. OTLP carries them as raw bytes in protobuf and as hex in
 * OTLP/JSON, while our event and the W3C trace context use lower-case hex.
 */
final class HexIds {
    static final int TRACE_ID_BYTES = 16;
    static final int SPAN_ID_BYTES = 8;

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private HexIds() {}

    /** Lower-case hex of the bytes; the empty string for an empty id. */
    static String toHex(ByteString bytes) {
        int n = bytes.size();
        char[] out = new char[n * 2];
        for (int i = 0; i < n; i++) {
            int b = bytes.byteAt(i) & 0xFF;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0x0F];
        }
        return new String(out);
    }

    /** The bytes of a hex string of either case, or null when it is not hex of even length. */
    static byte[] fromHex(String hex) {
        int n = hex.length();
        if ((n & 1) != 0) {
            return null;
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            int hi = digit(hex.charAt(i));
            int lo = digit(hex.charAt(i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i / 2] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
