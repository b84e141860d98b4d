package io.llmsentinel.detectors.security.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds character-level patterns that are not words: chat-template tokens ({@code <|im_start|>},
 * {@code [inst]}), role headers at the start of a line ({@code system:}), emoji markers.
 *
 * <p>Patterns are kept in a character trie. Those that may occur anywhere all start with a symbol
 * ({@code <}, {@code [}, an emoji...), so the text is walked only from the positions holding one of
 * those first characters; patterns that must start a line are walked only from line starts (after
 * indentation and markdown decoration). Ordinary text has few such positions, so this costs far
 * less than a pass of an automaton over every character. A pattern that may occur anywhere and
 * starts with a letter or digit is walked from every position instead. Immutable once built.
 */
final class LiteralMatcher {
    private static final String LINE_DECORATION = " \t#*>-=_[(<|`!";

    private final int[] patternLength;
    private final boolean[] atLineStart;
    // trie: per node, sorted child characters and child nodes, and the patterns ending there
    private char[][] childChars = new char[1][0];
    private int[][] childNodes = new int[1][0];
    private int[][] endings = new int[1][0];
    private int nodes = 1;
    private final boolean[] anywhereFirst = new boolean[128];
    private final boolean anywhereNonAscii;
    private final boolean anywhereFromLetters;
    private final int[] rootChild = new int[128];
    private final char[] anywhereFirstChars;

    private LiteralMatcher(List<String> patterns, List<Boolean> lineStart) {
        patternLength = patterns.stream().mapToInt(String::length).toArray();
        atLineStart = new boolean[patterns.size()];
        boolean nonAscii = false;
        boolean fromLetters = false;
        for (int id = 0; id < patterns.size(); id++) {
            String p = patterns.get(id);
            atLineStart[id] = lineStart.get(id);
            add(p, id);
            if (!atLineStart[id]) {
                char first = p.charAt(0);
                if (first >= 128) {
                    nonAscii = true;
                } else if (Character.isLetterOrDigit(first)) {
                    fromLetters = true;
                } else {
                    anywhereFirst[first] = true;
                }
            }
        }
        anywhereNonAscii = nonAscii;
        anywhereFromLetters = fromLetters;
        StringBuilder firsts = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            rootChild[c] = search(0, c);
            if (anywhereFirst[c]) {
                firsts.append(c);
            }
        }
        anywhereFirstChars = firsts.toString().toCharArray();
    }

    static LiteralMatcher of(List<String> patterns) {
        List<Boolean> anywhere = new ArrayList<>();
        patterns.forEach(p -> anywhere.add(false));
        return new LiteralMatcher(patterns, anywhere);
    }

    static LiteralMatcher of(List<String> patterns, List<Boolean> atLineStart) {
        return new LiteralMatcher(patterns, atLineStart);
    }

    int patternLength(int id) {
        return patternLength[id];
    }

    boolean isEmpty() {
        return patternLength.length == 0;
    }

    /** Receives matches: pattern id and the exclusive end index in the scanned text. */
    interface Sink {
        void match(int pattern, int end);
    }

    /** Every occurrence of every pattern in {@code text[from, to)}. */
    void scan(char[] text, int from, int to, Sink sink) {
        boolean[] first = anywhereFirst;
        boolean fromLetters = anywhereFromLetters;
        boolean nonAscii = anywhereNonAscii;
        walkLineStart(text, from, to, sink);
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c < 128) {
                if (c == '\n') {
                    walkLineStart(text, i + 1, to, sink);
                } else if (first[c] || fromLetters) {
                    walk(text, i, to, sink, false);
                }
            } else if (nonAscii) {
                walk(text, i, to, sink, false);
            }
        }
    }

    /**
     * The same as {@link #scan} for a text that is all ASCII, where {@code folded} is {@code
     * original} lower-cased character for character: the positions worth a walk (line starts and
     * the first characters of patterns) are found with {@link String#indexOf(int, int)}, which the
     * JVM vectorises, instead of a loop over every character.
     */
    void scanAscii(String original, char[] folded, int length, Sink sink) {
        if (anywhereFromLetters) {
            scan(folded, 0, length, sink);
            return;
        }
        walkLineStart(folded, 0, length, sink);
        for (int i = original.indexOf('\n'); i >= 0; i = original.indexOf('\n', i + 1)) {
            walkLineStart(folded, i + 1, length, sink);
        }
        for (char first : anywhereFirstChars) {
            for (int i = original.indexOf(first); i >= 0; i = original.indexOf(first, i + 1)) {
                walk(folded, i, length, sink, false);
            }
        }
    }

    /** Walks the line-start patterns from the first character after the line's decoration. */
    private void walkLineStart(char[] text, int from, int to, Sink sink) {
        int i = from;
        while (i < to && LINE_DECORATION.indexOf(text[i]) >= 0) {
            i++;
        }
        if (i < to) {
            walk(text, i, to, sink, true);
        }
    }

    private void walk(char[] text, int start, int to, Sink sink, boolean lineStart) {
        int node = 0;
        for (int i = start; i < to; i++) {
            node = child(node, text[i]);
            if (node < 0) {
                return;
            }
            for (int id : endings[node]) {
                if (atLineStart[id] == lineStart) {
                    sink.match(id, i + 1);
                }
            }
        }
    }

    private int child(int node, char c) {
        if (node == 0 && c < 128) {
            return rootChild[c];
        }
        char[] chars = childChars[node];
        for (int k = 0; k < chars.length; k++) {
            if (chars[k] == c) {
                return childNodes[node][k];
            }
        }
        return -1;
    }

    private int search(int node, char c) {
        int at = Arrays.binarySearch(childChars[node], c);
        return at < 0 ? -1 : childNodes[node][at];
    }

    private void add(String pattern, int id) {
        int node = 0;
        for (char c : pattern.toCharArray()) {
            int next = search(node, c);
            if (next < 0) {
                next = newNode();
                int at = -Arrays.binarySearch(childChars[node], c) - 1;
                childChars[node] = insert(childChars[node], at, c);
                childNodes[node] = insert(childNodes[node], at, next);
            }
            node = next;
        }
        endings[node] = Arrays.copyOf(endings[node], endings[node].length + 1);
        endings[node][endings[node].length - 1] = id;
    }

    private int newNode() {
        if (nodes == childChars.length) {
            childChars = Arrays.copyOf(childChars, nodes * 2);
            childNodes = Arrays.copyOf(childNodes, nodes * 2);
            endings = Arrays.copyOf(endings, nodes * 2);
        }
        childChars[nodes] = new char[0];
        childNodes[nodes] = new int[0];
        endings[nodes] = new int[0];
        return nodes++;
    }

    private static char[] insert(char[] a, int at, char c) {
        char[] out = new char[a.length + 1];
        System.arraycopy(a, 0, out, 0, at);
        out[at] = c;
        System.arraycopy(a, at, out, at + 1, a.length - at);
        return out;
    }

    private static int[] insert(int[] a, int at, int v) {
        int[] out = new int[a.length + 1];
        System.arraycopy(a, 0, out, 0, at);
        out[at] = v;
        System.arraycopy(a, at, out, at + 1, a.length - at);
        return out;
    }
}
