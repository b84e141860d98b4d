package io.llmsentinel.detectors.security.scan;

/**
 * First pass over a layer of text: folds every character ({@link CharFolding}) into the workspace,
 * keeping for each folded character the offset it came from, and on the way notes what later stages
 * need: letter counts by script (for homoglyph decisions), runs of base64 characters long enough to
 * be worth decoding, whether a run of hex digits could be an encoded payload, and the lines with
 * enough unusual symbols for the adversarial-suffix detector. ASCII, the common case, costs one
 * table lookup and three stores per character.
 */
final class TextNormalizer {
    /** Shortest base64 run worth decoding: 15 bytes, about three short words. */
    static final int MIN_BASE64_RUN = 20;

    /** Hex-encoded payloads shorter than this many decimal digits are not looked for. */
    static final int MIN_HEX_DIGITS = 8;

    private static final int K_DIGIT = 1;
    private static final int K_SYMBOL = 8;
    private static final int K_STRONG = 16;
    private static final int K_BASE64 = 32;
    private static final int K_UPPER = 64;
    private static final int K_LETTER = 128;
    private static final int[] ASCII_KIND = new int[128];

    static {
        for (char c : "[]{}\\^~|`<>".toCharArray()) {
            ASCII_KIND[c] |= K_SYMBOL | K_STRONG;
        }
        for (char c : "*$%#+=;!?\"()".toCharArray()) {
            ASCII_KIND[c] |= K_SYMBOL;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_KIND[c] |= K_DIGIT;
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_";
        for (int i = 0; i < alphabet.length(); i++) {
            ASCII_KIND[alphabet.charAt(i)] |= K_BASE64;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_KIND[c] |= K_LETTER;
            ASCII_KIND[c - 32] |= K_LETTER | K_UPPER;
        }
    }

    private TextNormalizer() {}

    static void normalize(String text, ScanWorkspace ws) {
        ws.beginLayer(text.length());
        ws.asciiOnly = true;
        byte pending = 0;
        int runStart = -1;
        int digits = 0;
        int lineStart = 0;
        int lineOdd = 0;
        int n = text.length();
        int latinCount = 0;
        char[] norm = ws.norm;
        int[] origin = ws.origin;
        byte[] flags = ws.charFlags;
        int out = 0;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                int kind = ASCII_KIND[c];
                if ((kind & K_BASE64) != 0) {
                    if (runStart < 0) {
                        runStart = i;
                    }
                } else if (runStart >= 0) {
                    endRun(ws, runStart, i);
                    runStart = -1;
                }
                digits += kind & K_DIGIT; // K_DIGIT is 1
                if ((kind & K_SYMBOL) != 0 && suspicious(text, i, c, kind)) {
                    lineOdd++;
                } else if (c == '\n') {
                    endLine(ws, lineStart, i, lineOdd);
                    lineStart = i + 1;
                    lineOdd = 0;
                }
                latinCount += (kind & K_LETTER) != 0 ? 1 : 0;
                if (out == norm.length) {
                    // only after expansions (ligatures) outgrew the size beginLayer reserved
                    ws.normLen = out;
                    ws.growText();
                    norm = ws.norm;
                    origin = ws.origin;
                    flags = ws.charFlags;
                }
                norm[out] = (kind & K_UPPER) != 0 ? (char) (c + 32) : c;
                origin[out] = i;
                flags[out] = pending;
                out++;
                pending = 0;
                i++;
                continue;
            }
            if (runStart >= 0) {
                endRun(ws, runStart, i);
                runStart = -1;
            }
            // Non-ASCII: the slow path appends through the workspace, which may grow buffers.
            ws.normLen = out;
            ws.asciiOnly = false;
            int cp = text.codePointAt(i);
            switch (CharFolding.kind(cp)) {
                case CharFolding.INVISIBLE -> pending |= ScanWorkspace.C_INVISIBLE_BEFORE;
                case CharFolding.MARK -> {}
                case CharFolding.HOMOGLYPH -> {
                    char latin = CharFolding.single(cp);
                    char own = cp < 0x10000 ? Character.toLowerCase((char) cp) : latin;
                    ws.appendNorm(latin, own, i, (byte) (pending | ScanWorkspace.C_HOMOGLYPH));
                    pending = 0;
                }
                case CharFolding.COMPAT -> {
                    char folded = CharFolding.single(cp);
                    if (folded != '\0') {
                        countLetter(ws, folded);
                        ws.appendNorm(folded, folded, i, (byte) (pending | ScanWorkspace.C_COMPAT));
                        pending = 0;
                    }
                }
                case CharFolding.COMPAT_MULTI -> {
                    String folded = CharFolding.multi(cp);
                    for (int k = 0; k < folded.length(); k++) {
                        char f = folded.charAt(k);
                        countLetter(ws, f);
                        ws.appendNorm(f, f, i, (byte) (pending | ScanWorkspace.C_COMPAT));
                        pending = 0;
                    }
                }
                case CharFolding.QUIET -> {
                    char folded = CharFolding.single(cp);
                    countLetter(ws, folded);
                    ws.appendNorm(folded, folded, i, pending);
                    pending = 0;
                }
                default -> {
                    int lower = Character.toLowerCase(cp);
                    if (Character.isLetter(lower)) {
                        ws.otherLetters++;
                    }
                    if (lower < 0x10000) {
                        ws.appendNorm((char) lower, (char) lower, i, pending);
                    } else {
                        char hi = Character.highSurrogate(lower);
                        char lo = Character.lowSurrogate(lower);
                        ws.appendNorm(hi, hi, i, pending);
                        ws.appendNorm(lo, lo, i, (byte) 0);
                    }
                    pending = 0;
                }
            }
            i += Character.charCount(cp);
            out = ws.normLen;
            norm = ws.norm;
            origin = ws.origin;
            flags = ws.charFlags;
        }
        ws.normLen = out;
        if (runStart >= 0) {
            endRun(ws, runStart, n);
        }
        ws.latinLetters += latinCount;
        // Hex-encoded text has a decimal digit in nearly every byte: without enough digits there
        // is nothing to decode, and the decoder's own pass finds the runs when there are.
        ws.hexCandidate = digits >= MIN_HEX_DIGITS;
        endLine(ws, lineStart, n, lineOdd);
    }

    /** Lines with enough unusual symbols are the only ones the suffix detector reads. */
    private static void endLine(ScanWorkspace ws, int start, int end, int oddSymbols) {
        if (oddSymbols >= AdversarialSuffixDetector.MIN_ODD_SYMBOLS) {
            ws.addSymbolLine(start, end);
        }
    }

    /**
     * Symbols that ordinary prose rarely has, or has only in other places: brackets, braces,
     * backslashes and the like anywhere; quotes, parentheses, '!', '?', '*', '$', '%', '#', '+',
     * '=' and ';' only where prose does not put them (inside a word, or alone between spaces). The
     * adversarial-suffix detector runs only when a text has two or more.
     */
    private static boolean suspicious(String text, int i, char c, int kind) {
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        if (c == '[' && after >= '0' && after <= '9'
                || c == ']' && before >= '0' && before <= '9') {
            return false; // a citation or an index: [3], a[0]
        }
        if ((kind & K_STRONG) != 0) {
            return true;
        }
        boolean wordBefore = Character.isLetterOrDigit(before);
        boolean wordAfter = Character.isLetterOrDigit(after);
        return (wordBefore && wordAfter)
                || (Character.isWhitespace(before) && Character.isWhitespace(after))
                || (c == '(' && !wordAfter && after != '"' && after != '\'')
                || (c == ')' && !wordBefore && before != '"' && before != '\'' && before != '.');
    }

    private static void countLetter(ScanWorkspace ws, char c) {
        if (c >= 'a' && c <= 'z') {
            ws.latinLetters++;
        } else if (Character.isLetter(c)) {
            ws.otherLetters++;
        }
    }

    private static void endRun(ScanWorkspace ws, int start, int end) {
        if (end - start >= MIN_BASE64_RUN) {
            ws.addBase64Run(start, end);
        }
    }
}
