package io.llmsentinel.detectors.security.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one phrase pattern of the signature library into slots of a {@link PhraseIndex}.
 *
 * <pre>
 * pattern := slot ( gap? slot )*
 * slot    := '{' phrase ( '|' phrase )* '}'  |  word
 * gap     := '~' digits        (tokens allowed between two slots; 0 when absent)
 * phrase  := word ( ' ' word )*
 * word    := letters, optionally ending in '*' (a prefix)
 * </pre>
 *
 * Phrases are folded and split into words exactly as scanned text is, so accents, case and CJK
 * characters need no special care in the library.
 */
final class PatternSyntax {
    private PatternSyntax() {}

    static void compile(String pattern, String unless, int rule, PhraseIndex.Builder index) {
        List<List<List<String>>> slots = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        int pendingGap = 0;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '~') {
                int j = i + 1;
                while (j < pattern.length() && Character.isDigit(pattern.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    throw new IllegalArgumentException("'~' needs a number: " + pattern);
                }
                pendingGap = Integer.parseInt(pattern.substring(i + 1, j));
                i = j;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '{': " + pattern);
                }
                slots.add(alternatives(pattern.substring(i + 1, close)));
                gaps.add(pendingGap);
                pendingGap = 0;
                i = close + 1;
            } else {
                int j = i;
                while (j < pattern.length() && pattern.charAt(j) != ' ') {
                    j++;
                }
                slots.add(alternatives(pattern.substring(i, j)));
                gaps.add(pendingGap);
                pendingGap = 0;
                i = j;
            }
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        int patternId = index.nextPatternId();
        int[] slotIds = new int[slots.size()];
        int[] gapArray = new int[slots.size()];
        for (int k = 0; k < slotIds.length; k++) {
            slotIds[k] = index.addSlot(patternId, slots.get(k));
            gapArray[k] = gaps.get(k);
        }
        int veto = -1;
        if (unless != null) {
            String body = unless.strip();
            if (body.startsWith("{") && body.endsWith("}")) {
                body = body.substring(1, body.length() - 1);
            }
            veto = index.addSlot(-1, alternatives(body));
        }
        index.addPattern(slotIds, gapArray, veto, rule);
    }

    private static List<List<String>> alternatives(String body) {
        List<List<String>> out = new ArrayList<>();
        for (String phrase : body.split("\\|")) {
            List<String> words = phraseWords(phrase.strip());
            if (words.isEmpty()) {
                throw new IllegalArgumentException("empty phrase in {" + body + "}");
            }
            out.add(words);
        }
        return out;
    }

    /** Splits a phrase into folded words, keeping a trailing '*' on the last word. */
    private static List<String> phraseWords(String phrase) {
        boolean prefix = phrase.endsWith("*");
        String text = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
        List<String> words = Tokenizer.words(CharFolding.foldString(text));
        if (prefix && !words.isEmpty()) {
            int last = words.size() - 1;
            words.set(last, words.get(last) + "*");
        }
        return words;
    }
}
