package io.llmsentinel.detectors.security.scan;

/**
 * Spots machine-optimised adversarial suffixes (GCG and similar) from character statistics. An
 * optimiser that searches over tokens leaves text no person writes: sub-word fragments glued
 * together across case ({@code similarlyNow}, {@code ISBNancouver}), symbols inside words
 * ({@code oppositeley.](}, {@code giving**ONE}), brackets opened and never closed ({@code [ [
 * [}), and stray exclamation marks left from the {@code ! ! ! !} string GCG starts from.
 *
 * <p>Whitespace-separated tokens are classified:
 *
 * <ul>
 *   <li><em>odd</em>: after trimming ordinary edge punctuation (quotes, full stops, one layer of
 *       brackets), the token still holds a rare symbol ({@code \ [ ] ( ) { } * ! " < > ^ ~ | % $
 *       # + = ; ? `}), contains a backslash, or is a cluster of two different rare symbols
 *       ({@code ](}, {@code %{});
 *   <li><em>stray</em>: a lone {@code !}, backtick, caret, tilde or backslash;
 *   <li><em>jumbled</em>: a case jump inside a word: two or more lower-case letters then a
 *       capital ({@code similarlyNow}), or two or more capitals then two lower-case letters
 *       ({@code ISBNancouver});
 *   <li><em>word</em>: two or more letters and nothing else;
 *   <li><em>code</em>: a stand-alone operator ({@code =}, {@code +=}, {@code &&}), a keyword
 *       ({@code if}, {@code return}) or LaTeX ({@code \frac}, {@code $x}).
 * </ul>
 *
 * Over every window of {@value #WINDOW} consecutive tokens of one line the score is {@code odd +
 * 0.7 stray (at most 4) + 0.6 unbalanced brackets (at most 6) + 0.5 jumbled (at most 3)}. A
 * window counts only when it has a symbol-based signal (case jumps alone are how product and
 * API names look), two or more words (suffixes are made of word pieces), and at most {@value
 * #MAX_CODE_TOKENS} code tokens (code and maths are full of symbols but these mark them). Brackets
 * count as unbalanced only as far as the whole line is unbalanced, and windows never span lines,
 * so code that spreads balanced structure over lines gets no credit. The best window's score maps
 * linearly to an activation in 0..1.
 *
 * <p>Allocation-free apart from the result: window sums are updated incrementally, and keyword
 * checks run only for a window that would become the best.
 */
final class AdversarialSuffixDetector {
    static final int WINDOW = 12;

    /** Lines with fewer unusual symbols (see TextNormalizer) cannot score and are skipped. */
    static final int MIN_ODD_SYMBOLS = 2;

    private static final double RAMP_START = 1.5;
    private static final double RAMP_WIDTH = 2.5;
    private static final int MIN_WORDS = 2;
    private static final int MAX_STRAY = 4;
    private static final int MAX_IMBALANCE = 6;
    private static final int MAX_JUMBLED = 3;
    private static final int MAX_CODE_TOKENS = 1;

    private static final String RARE = "\\[](){}*!\"<>^~|%$#+=;?`";
    private static final String STRAY = "!`^~\\";
    private static final String OPERATOR_CHARS = "=+-*/<>&|:%";
    private static final String LEADING = "(\"'[*_\u201C\u2018\u00BF\u00A1";
    private static final String TRAILING = ".,!?;:)\"']*_\u201D\u2019";
    private static final String[] KEYWORDS = {
        "if", "for", "while", "return", "int", "def", "function", "const", "let", "var", "class",
        "import", "public", "private", "void", "null", "true", "false", "else", "elif", "fn", "new",
        "static", "self", "this", "lambda", "select", "from", "where", "print", "printf", "echo"
    };

    // Per ASCII character: what it is to this detector.
    private static final int C_RARE = 1;
    private static final int C_STRAY = 2;
    private static final int C_OPERATOR = 4;
    private static final int C_LEADING = 8;
    private static final int C_TRAILING = 16;
    private static final byte[] CHAR_CLASS = new byte[128];
    private static final byte[] RARE_BIT = new byte[128];

    static {
        mark(RARE, C_RARE);
        mark(STRAY, C_STRAY);
        mark(OPERATOR_CHARS, C_OPERATOR);
        mark(LEADING, C_LEADING);
        mark(TRAILING, C_TRAILING);
        java.util.Arrays.fill(RARE_BIT, (byte) -1);
        for (int k = 0; k < RARE.length(); k++) {
            RARE_BIT[RARE.charAt(k)] = (byte) k;
        }
    }

    private static void mark(String chars, int bit) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c < 128) {
                CHAR_CLASS[c] |= bit;
            }
        }
    }

    private static boolean is(char c, int bit) {
        return c < 128
                ? (CHAR_CLASS[c] & bit) != 0
                : (bit & (C_LEADING | C_TRAILING)) != 0
                        && (bit == C_LEADING ? LEADING : TRAILING).indexOf(c) >= 0;
    }

    private static final int ODD = 1;
    private static final int JUMBLED = 2;
    private static final int WORD = 4;
    private static final int STRAY_TOKEN = 8;
    private static final int CODE = 16;

    /** A plain lower-case word: no symbols, so no brackets to count. */
    private static final int PLAIN = 32;

    /** Activation and location of the most suffix-like window. */
    record Result(double activation, int start, int end) {}

    private AdversarialSuffixDetector() {}

    /**
     * The most suffix-like window of the given lines ({@code [start, end)} pairs), or null if none
     * scores. The scanner passes the lines its normaliser found with enough unusual symbols (see
     * {@link #MIN_ODD_SYMBOLS}); other lines cannot score.
     */
    static Result detect(String text, int[] lines) {
        Window w = new Window(text);
        for (int l = 0; l + 1 < lines.length; l += 2) {
            int i = lines[l];
            int end = lines[l + 1];
            w.startLine(i, end);
            while (i < end) {
                char c = text.charAt(i);
                if (c == ' ' || (c < ' ' || c >= 128) && Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int tokenStart = i;
                while (i < end) {
                    char d = text.charAt(i);
                    if (d == ' ' || (d < ' ' || d >= 128) && Character.isWhitespace(d)) {
                        break;
                    }
                    i++;
                }
                w.push(tokenStart, i);
            }
        }
        double activation = Math.min(1.0, (w.best - RAMP_START) / RAMP_WIDTH);
        return activation > 0 ? new Result(activation, w.bestStart, w.bestEnd) : null;
    }

    /** The last {@value #WINDOW} tokens of the current line, with running sums. */
    private static final class Window {
        final String text;
        final int[] cls = new int[WINDOW];
        final int[] brackets = new int[WINDOW];
        final int[] start = new int[WINDOW];
        final int[] end = new int[WINDOW];
        int filled;
        int head;
        int lineImbalance;
        int odd;
        int jumbled;
        int words;
        int stray;
        int code;
        int square;
        int round;
        int curly;
        double best;
        int bestStart = -1;
        int bestEnd = -1;

        Window(String text) {
            this.text = text;
        }

        void startLine(int from, int to) {
            filled = 0;
            odd = jumbled = words = stray = code = square = round = curly = 0;
            lineImbalance = lineImbalance(text, from, to);
        }

        void push(int tokenStart, int tokenEnd) {
            if (filled == WINDOW) {
                account(head, -1);
            } else {
                filled++;
            }
            int tokenClass = classify(text, tokenStart, tokenEnd);
            cls[head] = tokenClass;
            brackets[head] =
                    (tokenClass & PLAIN) != 0
                            ? 0
                            : AdversarialSuffixDetector.brackets(text, tokenStart, tokenEnd);
            start[head] = tokenStart;
            end[head] = tokenEnd;
            account(head, 1);
            head = (head + 1) % WINDOW;
            if (filled >= WINDOW / 2) {
                consider();
            }
        }

        private void account(int at, int sign) {
            int c = cls[at];
            odd += sign * (c & ODD);
            jumbled += sign * ((c & JUMBLED) >> 1);
            words += sign * ((c & WORD) >> 2);
            stray += sign * ((c & STRAY_TOKEN) >> 3);
            code += sign * ((c & CODE) >> 4);
            int b = brackets[at];
            square += sign * ((b & 0xF) - ((b >> 4) & 0xF));
            round += sign * (((b >> 8) & 0xF) - ((b >> 12) & 0xF));
            curly += sign * (((b >> 16) & 0xF) - ((b >> 20) & 0xF));
        }

        private void consider() {
            int unbalanced =
                    Math.min(Math.abs(square) + Math.abs(round) + Math.abs(curly), lineImbalance);
            double symbolic =
                    odd
                            + 0.7 * Math.min(stray, MAX_STRAY)
                            + 0.6 * Math.min(unbalanced, MAX_IMBALANCE);
            if (symbolic == 0 || words < MIN_WORDS || code > MAX_CODE_TOKENS) {
                return;
            }
            double score = symbolic + 0.5 * Math.min(jumbled, MAX_JUMBLED);
            if (score <= best || score <= RAMP_START || keywordCount() + code > MAX_CODE_TOKENS) {
                return;
            }
            best = score;
            int first = (head - filled + WINDOW) % WINDOW;
            bestStart = start[first];
            bestEnd = end[(head - 1 + WINDOW) % WINDOW];
        }

        /** Keywords among the window's words, counted only for a candidate best window. */
        private int keywordCount() {
            int count = 0;
            for (int k = 0; k < filled; k++) {
                int at = (head - 1 - k + WINDOW) % WINDOW;
                int length = end[at] - start[at];
                if ((cls[at] & WORD) == 0 || length > 8) {
                    continue;
                }
                for (String keyword : KEYWORDS) {
                    if (keyword.length() == length
                            && text.regionMatches(start[at], keyword, 0, length)) {
                        count++;
                        break;
                    }
                }
            }
            return count;
        }
    }

    /** Opening and closing ( [ { of a token, 4 bits each (capped at 15): [ ] ( ) { } from bit 0. */
    private static int brackets(String s, int from, int to) {
        int packed = 0;
        for (int i = from; i < to; i++) {
            int shift =
                    switch (s.charAt(i)) {
                        case '[' -> 0;
                        case ']' -> 4;
                        case '(' -> 8;
                        case ')' -> 12;
                        case '{' -> 16;
                        case '}' -> 20;
                        default -> -1;
                    };
            if (shift >= 0 && ((packed >> shift) & 0xF) < 15) {
                packed += 1 << shift;
            }
        }
        return packed;
    }

    /** Brackets of each kind ( [ { opened and not closed, or closed and not opened, on a line. */
    private static int lineImbalance(String s, int from, int to) {
        int square = 0;
        int round = 0;
        int curly = 0;
        for (int i = from; i < to; i++) {
            switch (s.charAt(i)) {
                case '[' -> square++;
                case ']' -> square--;
                case '(' -> round++;
                case ')' -> round--;
                case '{' -> curly++;
                case '}' -> curly--;
                default -> {}
            }
        }
        return Math.abs(square) + Math.abs(round) + Math.abs(curly);
    }

    static int classify(String s, int from, int to) {
        // Fast path, most tokens: plain lower-case words with ordinary trailing punctuation.
        int i0 = from;
        while (i0 < to && s.charAt(i0) >= 'a' && s.charAt(i0) <= 'z') {
            i0++;
        }
        if (i0 - from >= 2 && (i0 == to || (i0 == to - 1 && ".,;:".indexOf(s.charAt(i0)) >= 0))) {
            return WORD | PLAIN;
        }
        if (operator(s, from, to) || latex(s, from, to)) {
            return CODE;
        }
        int a = from;
        int b = to;
        for (int k = 0; k < 3 && a < b && is(s.charAt(a), C_LEADING); k++) {
            a++;
        }
        for (int k = 0; k < 3 && b > a && is(s.charAt(b - 1), C_TRAILING); k++) {
            b--;
        }
        int letters = 0;
        int inside = 0;
        int others = 0;
        int upperRun = 0;
        int lowerRun = 0;
        int lowerAfterUpperRun = 0;
        boolean jumbled = false;
        boolean backslash = false;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
                letters++;
                if (c < 128 ? c >= 'a' : Character.isLowerCase(c)) {
                    lowerRun++;
                    lowerAfterUpperRun =
                            upperRun >= 2 || lowerAfterUpperRun > 0 ? lowerAfterUpperRun + 1 : 0;
                    jumbled |= lowerAfterUpperRun >= 2;
                    upperRun = 0;
                } else if (Character.isUpperCase(c)) {
                    jumbled |= lowerRun >= 2;
                    lowerRun = 0;
                    lowerAfterUpperRun = 0;
                    upperRun++;
                }
            } else {
                lowerRun = 0;
                upperRun = 0;
                lowerAfterUpperRun = 0;
                backslash |= c == '\\';
                if (c < 128 && (CHAR_CLASS[c] & C_RARE) != 0) {
                    inside++;
                } else if (c < '0' || c > '9') {
                    others++;
                }
            }
        }
        int cls = 0;
        if (letters == 0) {
            if (distinctRare(s, from, to) >= 2) {
                cls |= ODD;
            } else if (to - from <= 3 && is(s.charAt(from), C_STRAY)) {
                cls |= STRAY_TOKEN;
            }
        } else if (inside > 0 || backslash) {
            cls |= ODD;
        }
        if (jumbled) {
            cls |= JUMBLED;
        }
        if (letters >= 2 && inside == 0 && others == 0 && letters == b - a) {
            cls |= WORD;
        }
        return cls;
    }

    /** A stand-alone operator of one to three characters: {@code =}, {@code +=}, {@code &&}. */
    private static boolean operator(String s, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!is(s.charAt(i), C_OPERATOR)) {
                return false;
            }
        }
        return true;
    }

    /** A LaTeX command ({@code \frac}) or inline maths ({@code $x}, {@code x$}). */
    private static boolean latex(String s, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        char first = s.charAt(from);
        char second = s.charAt(from + 1);
        return (first == '\\' && Character.isLetter(second))
                || (first == '$' && (Character.isLetter(second) || second == '\\'))
                || (s.charAt(to - 1) == '$' && Character.isLetterOrDigit(s.charAt(to - 2)));
    }

    private static int distinctRare(String s, int from, int to) {
        int bits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int k = c < 128 ? RARE_BIT[c] : -1;
            if (k >= 0) {
                bits |= 1 << k;
            }
        }
        return Integer.bitCount(bits);
    }
}
