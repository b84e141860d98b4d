package io.llmsentinel.detectors.security.scan;

/**
 * E-mail addresses, found from each {@code @}: a local part of letters, digits and {@code ._%+-} to
 * the left, and to the right a domain of at least two labels whose last label (the top-level
 * domain) has two or more letters.
 */
final class EmailDetector {
    private EmailDetector() {}

    static void scan(String text, FindingCollector out) {
        int at = text.indexOf('@');
        while (at >= 0) {
            int start = at;
            while (start > 0 && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && text.charAt(start) == '.') {
                start++; // a local part does not start with a dot
            }
            int end = domainEnd(text, at + 1);
            if (start < at && end > 0 && text.charAt(at - 1) != '.') {
                out.add(SensitiveType.EMAIL, start, end);
            }
            at = text.indexOf('@', Math.max(at + 1, end));
        }
    }

    private static boolean isLocalChar(char c) {
        return Chars.isAlnum(c)
                || c == '.'
                || c == '_'
                || c == '%'
                || c == '+'
                || c == '-'
                || (c >= 128 && Character.isLetterOrDigit(c));
    }

    /** End of a valid domain starting at {@code from}, or -1. */
    private static int domainEnd(String s, int from) {
        int i = from;
        int labels = 0;
        int lastLabelStart = from;
        int end = -1;
        while (true) {
            int labelStart = i;
            while (i < s.length()
                    && (Chars.isAlnum(s.charAt(i))
                            || s.charAt(i) == '-'
                            || (s.charAt(i) >= 128 && Character.isLetterOrDigit(s.charAt(i))))) {
                i++;
            }
            if (i == labelStart || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                break;
            }
            labels++;
            lastLabelStart = labelStart;
            if (labels >= 2 && topLevelDomain(s, lastLabelStart, i)) {
                end = i;
            }
            if (Chars.at(s, i) == '.' && i + 1 < s.length() && Chars.isWordChar(s.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean topLevelDomain(String s, int from, int to) {
        if (to - from < 2 || to - from > 24) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
