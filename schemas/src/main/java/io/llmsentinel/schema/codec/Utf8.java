package io.llmsentinel.schema.codec;

/**
 * Strict UTF-8 check (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). Done up
 * front so that bad bytes get their own reject reason instead of whatever error the JSON parser
 * happens to raise, and without decoding into a throw-away char buffer.
 */
final class Utf8 {
    private Utf8() {}

    static boolean isValid(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            if (c < 0xC2) {
                // a lone continuation byte, or a 2-byte lead that could only encode ASCII
                return false;
            } else if (c < 0xE0) {
                if (i + 1 >= n || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= n) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) {
                    return false; // overlong, or a UTF-16 surrogate
                }
                if (!continuation(c1) || !continuation(b[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= n) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
                    return false; // overlong, or above U+10FFFF
                }
                if (!continuation(c1) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(int b) {
        return (b & 0xC0) == 0x80;
    }
}
