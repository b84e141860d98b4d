package io.llmsentinel.detectors.security.scan;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-code-point folding that undoes the usual ways of disguising letters: compatibility forms
 * (full-width, mathematical, circled letters, ligatures: Unicode NFKD), accents and other combining
 * marks, look-alike letters from other scripts (Cyrillic and Greek homoglyphs, small capitals), and
 * invisible characters (zero-width, bidi controls, tag characters), which are dropped. Results are
 * lower case.
 *
 * <p>Everything is precomputed into tables at class load, so folding a character at scan time is an
 * array lookup. Large scripts that NFKD leaves alone (CJK, Hangul) are skipped when the tables are
 * built and pass through lower-cased.
 */
final class CharFolding {
    /** The code point stays itself (lower-cased). */
    static final byte KEEP = 0;

    /** Invisible: drop it and remember that something was hidden there. */
    static final byte INVISIBLE = 1;

    /** Looks like a Latin letter; {@link #single(int)} is the letter. */
    static final byte HOMOGLYPH = 2;

    /** A compatibility form of one character; {@link #single(int)} is the plain form. */
    static final byte COMPAT = 3;

    /** A compatibility form of several characters; {@link #multi(int)}. */
    static final byte COMPAT_MULTI = 4;

    /** A combining mark: dropped, as accents do not change what a word means to a reader. */
    static final byte MARK = 5;

    /**
     * Folded without suspicion: accented letters (only canonical marks differ) and typographic
     * punctuation such as curly quotes and dashes. Ordinary text in many languages has these.
     */
    static final byte QUIET = 6;

    private static final byte[] KIND = new byte[0x10000];
    private static final char[] SINGLE = new char[0x10000];
    private static final Map<Integer, String> MULTI = new HashMap<>();

    static {
        buildCompatibilityTable();
        addPunctuation();
        addHomoglyphs();
        addInvisibles();
    }

    private CharFolding() {}

    /** The kind of a code point (one of the constants above). */
    static byte kind(int cp) {
        if (cp < 0x10000) {
            return KIND[cp];
        }
        return supplementaryKind(cp);
    }

    static char single(int cp) {
        return cp < 0x10000 ? SINGLE[cp] : supplementarySingle(cp);
    }

    static String multi(int cp) {
        String m = MULTI.get(cp);
        return m != null ? m : "";
    }

    /**
     * Folds a whole string the way the scanner folds text (used for signature phrases). As in the
     * tokenizer, look-alike letters are read as Latin only in words that have no other non-Latin
     * letters, so a Russian phrase keeps its own letters.
     */
    static String foldString(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end = i;
            while (end < s.length() && Character.isLetter(s.codePointAt(end))) {
                end += Character.charCount(s.codePointAt(end));
            }
            if (end == i) {
                end = i + Character.charCount(s.codePointAt(i));
            }
            boolean foreign = false;
            for (int k = i; k < end; k += Character.charCount(s.codePointAt(k))) {
                int cp = s.codePointAt(k);
                foreign |= cp >= 0x80 && kind(cp) == KEEP && Character.isLetter(cp);
            }
            for (int k = i; k < end; ) {
                int cp = s.codePointAt(k);
                k += Character.charCount(cp);
                appendFolded(out, cp, !foreign);
            }
            i = end;
        }
        return out.toString();
    }

    private static void appendFolded(StringBuilder out, int cp, boolean foldHomoglyphs) {
        if (cp < 0x80) {
            out.append(lowerAscii((char) cp));
            return;
        }
        switch (kind(cp)) {
            case INVISIBLE, MARK -> {}
            case HOMOGLYPH -> {
                if (foldHomoglyphs) {
                    out.append(single(cp));
                } else {
                    out.appendCodePoint(Character.toLowerCase(cp));
                }
            }
            case COMPAT, QUIET -> out.append(single(cp));
            case COMPAT_MULTI -> out.append(multi(cp));
            default -> out.appendCodePoint(Character.toLowerCase(cp));
        }
    }

    static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    // --- supplementary planes: a few ranges matter, the rest passes through ---

    private static byte supplementaryKind(int cp) {
        if (cp >= 0xE0000 && cp <= 0xE0FFF) {
            return INVISIBLE; // tag characters and variation selectors supplement
        }
        if (cp >= 0x1D400 && cp <= 0x1D7FF) {
            return COMPAT; // mathematical alphanumerics: bold, italic, script, double-struck...
        }
        if ((cp >= 0x1F130 && cp <= 0x1F149)
                || (cp >= 0x1F150 && cp <= 0x1F169)
                || (cp >= 0x1F170 && cp <= 0x1F189)
                || (cp >= 0x1F1E6 && cp <= 0x1F1FF)) {
            return COMPAT; // squared, circled and regional-indicator letters
        }
        return KEEP;
    }

    private static char supplementarySingle(int cp) {
        if (cp >= 0x1F130 && cp <= 0x1F149) {
            return (char) ('a' + cp - 0x1F130);
        }
        if (cp >= 0x1F150 && cp <= 0x1F169) {
            return (char) ('a' + cp - 0x1F150);
        }
        if (cp >= 0x1F170 && cp <= 0x1F189) {
            return (char) ('a' + cp - 0x1F170);
        }
        if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
            return (char) ('a' + cp - 0x1F1E6);
        }
        String n = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        return n.length() == 1 ? Character.toLowerCase(n.charAt(0)) : '\0';
    }

    // --- table construction ---

    private static void buildCompatibilityTable() {
        for (int cp = 0x80; cp < 0x10000; cp++) {
            if (skipWhenBuilding(cp)) {
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                KIND[cp] = MARK;
                continue;
            }
            String one = String.valueOf((char) cp);
            String folded =
                    stripMarks(Normalizer.normalize(one, Normalizer.Form.NFKD))
                            .toLowerCase(Locale.ROOT);
            String plain = String.valueOf(Character.toLowerCase((char) cp));
            if (folded.equals(plain)) {
                continue;
            }
            if (folded.isEmpty()) {
                KIND[cp] = MARK;
            } else if (folded.length() == 1) {
                // Accents alone (canonical decomposition) are ordinary spelling, not disguise.
                String accentsOnly =
                        stripMarks(Normalizer.normalize(one, Normalizer.Form.NFD))
                                .toLowerCase(Locale.ROOT);
                KIND[cp] = accentsOnly.equals(folded) ? QUIET : COMPAT;
                SINGLE[cp] = folded.charAt(0);
            } else {
                KIND[cp] = COMPAT_MULTI;
                MULTI.put(cp, folded);
            }
        }
    }

    private static boolean skipWhenBuilding(int cp) {
        return (cp >= 0x3400 && cp <= 0x9FFF) // CJK ideographs
                || (cp >= 0xAC00 && cp <= 0xD7AF) // Hangul syllables: keep them composed
                || (cp >= 0xD800 && cp <= 0xF8FF); // surrogates and private use
    }

    private static String stripMarks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void addPunctuation() {
        punct("\u2018\u2019\u201A\u201B\u2032\u02BC\u02B9\u00B4", '\'');
        punct("\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB", '"');
        punct("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D", '-');
        punct("\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A", ' ');
        punct("\u202F\u205F\u3000", ' ');
        punct("\u2028\u2029\u0085", '\n');
    }

    private static void punct(String chars, char to) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            KIND[c] = QUIET;
            SINGLE[c] = to;
        }
    }

    /**
     * Letters that render like Latin ones. Pairs of (look-alike, Latin letter); case is folded too,
     * as the scanner works on lower case.
     */
    private static void addHomoglyphs() {
        String cyrillic =
                "\u0410a\u0430a\u0412b\u0415e\u0435e\u0401e\u0451e\u041Ak\u043Ak\u041Cm\u041Dh"
                        + "\u041Eo\u043Eo\u0420p\u0440p\u0421c\u0441c\u0422t\u0423y\u0443y"
                        + "\u0425x\u0445x\u0405s\u0455s\u0406i\u0456i\u0407i\u0457i\u0408j"
                        + "\u0458j\u04BBh\u04BAh\u04CFl\u04C0l\u051Aq\u051Bq\u051Cw\u051Dw"
                        + "\u0501d\u050Cg\u0261g";
        String greek =
                "\u0391a\u03B1a\u0392b\u03B2b\u0395e\u03B5e\u0396z\u0397h\u0399i\u03B9i"
                        + "\u039Ak\u03BAk\u039Cm\u039Dn\u03BDv\u039Fo\u03BFo\u03A1p\u03C1p"
                        + "\u03A4t\u03A5y\u03C5u\u03A7x\u03C7x\u03B3y\u03C9w\u03F2c\u03F3j";
        String latinLookAlikes =
                "\u1D00a\u0299b\u1D04c\u1D05d\u1D07e\u0262g\u029Ch\u026Ai\u1D0Aj\u1D0Bk\u029Fl"
                        + "\u1D0Dm\u0274n\u1D0Fo\u1D18p\u0280r\uA731s\u1D1Bt\u1D1Cu\u1D20v"
                        + "\u1D21w\u028Fy\u1D22z\u0131i\u0251a\u0578n\u0585o\u057Du\u0566q"
                        + "\u13A0d\u13A1r\u13A2t\u13A9y\u13AAa\u13ACe";
        for (String table : new String[] {cyrillic, greek, latinLookAlikes}) {
            for (int i = 0; i + 1 < table.length(); i += 2) {
                char from = table.charAt(i);
                char to = table.charAt(i + 1);
                KIND[from] = HOMOGLYPH;
                SINGLE[from] = to;
            }
        }
    }

    private static void addInvisibles() {
        int[][] ranges = {
            {0x00AD, 0x00AD}, // soft hyphen
            {0x034F, 0x034F}, // combining grapheme joiner
            {0x061C, 0x061C}, // Arabic letter mark (bidi)
            {0x115F, 0x1160}, // Hangul fillers
            {0x17B4, 0x17B5},
            {0x180B, 0x180E}, // Mongolian variation selectors, vowel separator
            {0x200B, 0x200F}, // zero-width space/non-joiner/joiner, LRM, RLM
            {0x202A, 0x202E}, // bidi embeddings and overrides
            {0x2060, 0x206F}, // word joiner, invisible operators, bidi isolates
            {0x3164, 0x3164},
            {0xFE00, 0xFE0F}, // variation selectors
            {0xFEFF, 0xFEFF}, // byte-order mark / zero-width no-break space
            {0xFFA0, 0xFFA0},
            {0xFFF9, 0xFFFB} // interlinear annotation controls
        };
        for (int[] r : ranges) {
            for (int cp = r[0]; cp <= r[1]; cp++) {
                KIND[cp] = INVISIBLE;
            }
        }
    }
}
