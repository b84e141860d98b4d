package io.llmsentinel.detectors.security.scan;

/** Small character tests shared by the sensitive-data detectors (ASCII-focused, no regex). */
final class Chars {
    private Chars() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isDigitCode(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isBase64Url(char c) {
        return isAlnum(c) || c == '-' || c == '_';
    }

    /** Letters or digits of any script. */
    static boolean isWordChar(char c) {
        return c < 128 ? isAlnum(c) || c == '_' : Character.isLetterOrDigit(c);
    }

    /** The character at {@code i}, or NUL outside the text. */
    static char at(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : '\0';
    }

    /**
     * Whether one of {@code words} (lower case) starts a word in the {@code window} characters
     * before {@code at}, compared case-insensitively.
     */
    static boolean contextBefore(String s, int at, int window, String... words) {
        int from = Math.max(0, at - window);
        for (String w : words) {
            for (int i = at - w.length(); i >= from; i--) {
                if (s.regionMatches(true, i, w, 0, w.length())
                        && !Character.isLetter(at(s, i - 1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
