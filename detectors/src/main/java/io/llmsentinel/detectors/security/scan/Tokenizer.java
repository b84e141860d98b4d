package io.llmsentinel.detectors.security.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Second pass: splits the normalised text into word tokens and looks each one up in the keyword
 * trie. Along the way it undoes three obfuscations that live at the word level:
 *
 * <ul>
 *   <li>homoglyphs: a word that mixes Latin letters with Cyrillic or Greek look-alikes is read as
 *       Latin; a word made only of look-alikes is read as Latin only when the text is mostly Latin,
 *       so real Russian or Greek words keep their letters;
 *   <li>leetspeak: words mixing letters with digits or symbols ({@code pr0mpt}, {@code !gn0re}) are
 *       also looked up with substitutions;
 *   <li>spaced letters: four or more single letters in a row separated by thin separators ({@code i
 *       g n o r e}, {@code i.g.n.o.r.e}) are glued back into words, split where the separators get
 *       wider, or else cut at the words the trie knows.
 * </ul>
 *
 * CJK ideographs and kana are one token each, as those scripts do not separate words.
 */
final class Tokenizer {
    private static final int MIN_SPACED_RUN = 4;
    private static final int MAX_LEET_TOKEN = 32;
    private static final boolean[] ASCII_WORD = new boolean[128];
    private static final boolean[] THIN_SEPARATOR = new boolean[128];
    private static final char[] GLUE_LEET = new char[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c : " .-_*/|,~+".toCharArray()) {
            THIN_SEPARATOR[c] = true;
        }
        GLUE_LEET['0'] = 'o';
        GLUE_LEET['1'] = 'i';
        GLUE_LEET['3'] = 'e';
        GLUE_LEET['4'] = 'a';
        GLUE_LEET['5'] = 's';
        GLUE_LEET['7'] = 't';
        GLUE_LEET['@'] = 'a';
        GLUE_LEET['$'] = 's';
    }

    private Tokenizer() {}

    static void tokenize(ScanWorkspace ws, TermTrie trie) {
        boolean latinText = ws.latinLetters >= 2 * ws.otherLetters;
        if (singlePass(ws, trie, latinText)) {
            return;
        }
        // Spaced-out letters or a text mostly in leetspeak: split first, then read the words.
        ws.resetTokens();
        int mixed = splitRaw(ws);
        // A quarter or more of the words (and at least three) mix letters and digits.
        boolean leetHeavy = mixed >= 3 && mixed * 4 >= ws.rawCount;
        int k = 0;
        while (k < ws.rawCount) {
            int run = spacedRunLength(ws, k);
            if (run >= MIN_SPACED_RUN) {
                emitSpacedRun(ws, trie, k, k + run);
                k += run;
            } else {
                emitWord(ws, trie, ws.rawStart[k], ws.rawEnd[k], latinText, leetHeavy);
                k++;
            }
        }
    }

    /** Splits a phrase from the signature library the same way text is split (no leetspeak). */
    static List<String> words(String folded) {
        List<String> out = new ArrayList<>();
        char[] s = folded.toCharArray();
        int i = 0;
        while (i < s.length) {
            if (isIdeograph(s[i])) {
                out.add(String.valueOf(s[i]));
                i++;
            } else if (isWordChar(s, i, s.length, false)) {
                int j = i + 1;
                while (j < s.length && !isIdeograph(s[j]) && isWordChar(s, j, s.length, false)) {
                    j++;
                }
                out.add(new String(s, i, j - i));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    // --- raw word spans ---

    /**
     * The common case in one pass: words are looked up as soon as they are split. Gives up (returns
     * false) when it meets four single characters in a row, which may be spaced-out letters, or
     * when the text turns out to be mostly leetspeak, where short words need the other reading; the
     * caller then takes the two-step path.
     */
    private static boolean singlePass(ScanWorkspace ws, TermTrie trie, boolean latinText) {
        char[] s = ws.norm;
        int n = ws.normLen;
        int mixed = 0;
        int words = 0;
        int singles = 0;
        int lastEnd = -1;
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (c < 128 && !ASCII_WORD[c] && !isWordChar(s, i, n, true)) {
                i++;
                continue;
            }
            if (c >= 128 && isIdeograph(c)) {
                emitWord(ws, trie, i, i + 1, latinText, false);
                words++;
                singles = 0;
                i++;
                continue;
            }
            if (c >= 128 && !isWordChar(s, i, n, true)) {
                i++;
                continue;
            }
            boolean letter = false;
            boolean digit = false;
            int j = i;
            while (j < n) {
                char d = s[j];
                if (d < 128) {
                    if (ASCII_WORD[d]) {
                        digit |= d <= '9';
                        letter |= d >= 'a';
                    } else if (!isWordChar(s, j, n, true)) {
                        break;
                    }
                } else if (isIdeograph(d) || !isWordChar(s, j, n, true)) {
                    break;
                } else {
                    letter |= Character.isLetter(d);
                }
                j++;
            }
            if (j - i == 1) {
                singles = lastEnd >= 0 && thinGap(ws, lastEnd, i) ? singles + 1 : 1;
                if (singles >= MIN_SPACED_RUN) {
                    return false;
                }
            } else {
                singles = 0;
            }
            emitWord(ws, trie, i, j, latinText, false);
            words++;
            mixed += letter && digit ? 1 : 0;
            lastEnd = j;
            i = j;
        }
        // In a leetspeak text even "537" is a word; that reading needs the two-step path.
        return !(mixed >= 3 && mixed * 4 >= words);
    }

    /** Splits the text into raw word spans; returns how many mix letters and digits. */
    private static int splitRaw(ScanWorkspace ws) {
        char[] s = ws.norm;
        int n = ws.normLen;
        int mixed = 0;
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (c < 128 && !ASCII_WORD[c] && !isWordChar(s, i, n, true)) {
                i++; // the common case between words: spaces and punctuation
                continue;
            }
            if (c >= 128 && isIdeograph(c)) {
                ws.addRaw(i, i + 1);
                i++;
                continue;
            }
            if (c >= 128 && !isWordChar(s, i, n, true)) {
                i++;
                continue;
            }
            boolean letter = false;
            boolean digit = false;
            int j = i;
            while (j < n) {
                char d = s[j];
                if (d < 128) {
                    if (ASCII_WORD[d]) {
                        digit |= d <= '9';
                        letter |= d >= 'a';
                    } else if (!isWordChar(s, j, n, true)) {
                        break;
                    }
                } else if (isIdeograph(d) || !isWordChar(s, j, n, true)) {
                    break;
                } else {
                    letter |= Character.isLetter(d);
                }
                j++;
            }
            ws.addRaw(i, j);
            mixed += letter && digit ? 1 : 0;
            i = j;
        }
        return mixed;
    }

    private static boolean isWordChar(char[] s, int i, int n, boolean leet) {
        char c = s[i];
        if (c < 128) {
            if (ASCII_WORD[c]) {
                return true;
            }
            if (c == '\'') {
                return i > 0 && Character.isLetter(s[i - 1]) && nextIsWord(s, i, n);
            }
            // A leet symbol belongs to the word it starts or sits in, not to the one it ends.
            return leet && (c == '@' || c == '$' || c == '!' || c == '|') && nextIsWord(s, i, n);
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean nextIsWord(char[] s, int i, int n) {
        return i + 1 < n && isLetterOrDigit(s[i + 1]);
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    static boolean isIdeograph(char c) {
        return (c >= 0x3040 && c <= 0x30FF) // hiragana, katakana
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0xF900 && c <= 0xFAFF);
    }

    /** A quarter or more of the words (and at least three) mix letters and digits. */
    private static boolean leetHeavy(ScanWorkspace ws) {
        int mixed = 0;
        for (int k = 0; k < ws.rawCount; k++) {
            boolean letter = false;
            boolean digit = false;
            for (int i = ws.rawStart[k]; i < ws.rawEnd[k]; i++) {
                char c = ws.norm[i];
                letter |= Character.isLetter(c);
                digit |= c >= '0' && c <= '9';
            }
            mixed += letter && digit ? 1 : 0;
        }
        return mixed >= 3 && mixed * 4 >= ws.rawCount;
    }

    // --- ordinary words ---

    private static void emitWord(
            ScanWorkspace ws,
            TermTrie trie,
            int start,
            int end,
            boolean latinText,
            boolean leetHeavy) {
        int flags = 0;
        boolean homoglyphs = false;
        boolean asciiLetters = false;
        boolean foreignLetters = false;
        int letters = 0;
        int substitutes = 0;
        char[] norm = ws.norm;
        byte[] charFlags = ws.charFlags;
        // Walk the keyword trie in the same pass; prefix words met on the way are kept aside
        // until we know the word is read with these (folded) letters.
        int node = 0;
        int prefixes = 0;
        int[] prefixTerms = ws.prefixScratch;
        for (int i = start; i < end; i++) {
            char c = norm[i];
            if (i == start + 1) {
                node = trie.stepTwo(norm[start], c); // one table load for the first two letters
                if (node != TermTrie.NONE
                        && trie.prefixTermAt(node) != TermTrie.NONE
                        && prefixes < prefixTerms.length) {
                    prefixTerms[prefixes++] = trie.prefixTermAt(node);
                }
            } else if (node != TermTrie.NONE) {
                node = trie.step(node, c);
                if (node != TermTrie.NONE
                        && trie.prefixTermAt(node) != TermTrie.NONE
                        && prefixes < prefixTerms.length) {
                    prefixTerms[prefixes++] = trie.prefixTermAt(node);
                }
            }
            byte f = charFlags[i];
            if (f != 0) {
                if ((f & ScanWorkspace.C_HOMOGLYPH) != 0) {
                    homoglyphs = true;
                }
                if ((f & ScanWorkspace.C_COMPAT) != 0) {
                    flags |= Transform.UNICODE_COMPAT.bit();
                }
                if (i > start && (f & ScanWorkspace.C_INVISIBLE_BEFORE) != 0) {
                    flags |= Transform.INVISIBLE_CHARS.bit();
                }
            }
            if (c < 128) {
                if (c >= 'a' && c <= 'z') {
                    letters++;
                    asciiLetters |= (f & ScanWorkspace.C_HOMOGLYPH) == 0;
                } else if (TermTrie.isLeetSubstitute(c)) {
                    substitutes++;
                }
            } else if (Character.isLetter(c)) {
                letters++;
                foreignLetters |= (f & ScanWorkspace.C_HOMOGLYPH) == 0;
            }
        }
        boolean readAsLatin = homoglyphs && !foreignLetters && (asciiLetters || latinText);
        if (readAsLatin) {
            flags |= Transform.HOMOGLYPH.bit();
        }
        int length = end - start;
        boolean leet =
                substitutes > 0
                        && length <= MAX_LEET_TOKEN
                        && (leetHeavy
                                ? length >= 2
                                : letters >= 2 || (letters == 1 && length <= 3));
        if (readAsLatin || !homoglyphs) {
            int t = ws.openToken(start, end, flags);
            ws.closeToken(t);
            for (int k = 0; k < prefixes; k++) {
                ws.addTermHit(t, prefixTerms[k]);
            }
            if (node != TermTrie.NONE && trie.exactTermAt(node) != TermTrie.NONE) {
                ws.addTermHit(t, trie.exactTermAt(node));
            }
            if (leet && trie.lookupLeet(norm, start, end, ws, t)) {
                ws.tokFlags[t] |= Transform.LEETSPEAK.bit();
            }
            return;
        }
        // A word of another script that has look-alike letters: read it with its own letters.
        int t = ws.openToken(start, end, flags);
        for (int i = start; i < end; i++) {
            ws.appendTokenChar(ws.plainAt(i));
        }
        ws.closeToken(t);
        if (trie.lookup(ws.tokChars, ws.tokTextStart[t], ws.tokTextEnd[t], leet, ws, t)) {
            ws.tokFlags[t] |= Transform.LEETSPEAK.bit();
        }
    }

    // --- spaced-out letters ---

    /** Number of single-character raw words starting at {@code k} joined by thin separators. */
    private static int spacedRunLength(ScanWorkspace ws, int k) {
        if (!isSingle(ws, k)) {
            return 0;
        }
        int m = k + 1;
        while (m < ws.rawCount
                && isSingle(ws, m)
                && thinGap(ws, ws.rawEnd[m - 1], ws.rawStart[m])) {
            m++;
        }
        int run = m - k;
        if (run < MIN_SPACED_RUN) {
            return 0;
        }
        int letters = 0;
        for (int i = k; i < m; i++) {
            if (Character.isLetter(ws.norm[ws.rawStart[i]])) {
                letters++;
            }
        }
        return letters >= 3 ? run : 0;
    }

    private static boolean isSingle(ScanWorkspace ws, int k) {
        return ws.rawEnd[k] - ws.rawStart[k] == 1 && !isIdeograph(ws.norm[ws.rawStart[k]]);
    }

    private static boolean thinGap(ScanWorkspace ws, int from, int to) {
        int gap = to - from;
        if (gap < 1 || gap > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = ws.norm[i];
            if (c >= 128 || !THIN_SEPARATOR[c]) {
                return false;
            }
        }
        return true;
    }

    private static void emitSpacedRun(ScanWorkspace ws, TermTrie trie, int k, int m) {
        // Word boundaries: wherever the separator differs from the narrowest one.
        int narrowest = Integer.MAX_VALUE;
        for (int i = k + 1; i < m; i++) {
            narrowest = Math.min(narrowest, ws.rawStart[i] - ws.rawEnd[i - 1]);
        }
        char usual = ws.norm[ws.rawEnd[k]];
        boolean bounded = false;
        for (int i = k + 1; i < m; i++) {
            if (isBoundary(ws, i, narrowest, usual)) {
                bounded = true;
                break;
            }
        }
        if (bounded) {
            int wordStart = k;
            for (int i = k + 1; i <= m; i++) {
                if (i == m || isBoundary(ws, i, narrowest, usual)) {
                    emitGlued(ws, trie, wordStart, i);
                    wordStart = i;
                }
            }
            return;
        }
        // No visible boundaries: cut the glued letters at the words the trie knows.
        char[] glue = new char[m - k];
        for (int i = k; i < m; i++) {
            glue[i - k] = glueChar(ws.norm[ws.rawStart[i]]);
        }
        int p = 0;
        while (p < glue.length) {
            int length = trie.longestMatch(glue, p, glue.length, 2);
            if (length > 0) {
                emitGlued(ws, trie, k + p, k + p + length);
                p += length;
            } else {
                p++;
            }
        }
    }

    private static boolean isBoundary(ScanWorkspace ws, int i, int narrowest, char usual) {
        int gap = ws.rawStart[i] - ws.rawEnd[i - 1];
        return gap > narrowest || ws.norm[ws.rawEnd[i - 1]] != usual;
    }

    private static char glueChar(char c) {
        return c < 128 && GLUE_LEET[c] != 0 ? GLUE_LEET[c] : c;
    }

    /** Emits one token made of the single letters of raw words [from, to). */
    private static void emitGlued(ScanWorkspace ws, TermTrie trie, int from, int to) {
        int flags = Transform.SPACED_LETTERS.bit();
        int t = ws.openToken(ws.rawStart[from], ws.rawEnd[to - 1], flags);
        for (int i = from; i < to; i++) {
            int at = ws.rawStart[i];
            if ((ws.charFlags[at] & ScanWorkspace.C_HOMOGLYPH) != 0) {
                ws.tokFlags[t] |= Transform.HOMOGLYPH.bit();
            }
            char c = ws.norm[at];
            char glued = glueChar(c);
            if (glued != c) {
                ws.tokFlags[t] |= Transform.LEETSPEAK.bit();
            }
            ws.appendTokenChar(glued);
        }
        ws.closeToken(t);
        trie.lookup(ws.tokChars, ws.tokTextStart[t], ws.tokTextEnd[t], false, ws, t);
    }
}
