package io.llmsentinel.detectors.security.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword prefilter: a character trie of every word that appears in a signature phrase, either
 * as an exact word or as a prefix ({@code instruct*}). Looking a token up costs one walk down the
 * trie; tokens that match no word (most of benign text) stop after a character or two.
 *
 * <p>Tokens that mix letters with digits or symbols are also walked with leetspeak substitutions
 * ({@code 1gn0r3} reaches {@code ignore}); the walk branches only on the ambiguous characters.
 *
 * <p>Edges live in one open-addressing hash table keyed by (node, char), so the trie is a few flat
 * arrays regardless of alphabet (CJK words included). Immutable once built.
 */
final class TermTrie {
    static final int NONE = -1;

    private static final char[][] LEET = new char[128][];

    static {
        LEET['0'] = new char[] {'o'};
        LEET['1'] = new char[] {'i', 'l'};
        LEET['2'] = new char[] {'z'};
        LEET['3'] = new char[] {'e'};
        LEET['4'] = new char[] {'a'};
        LEET['5'] = new char[] {'s'};
        LEET['6'] = new char[] {'g'};
        LEET['7'] = new char[] {'t'};
        LEET['8'] = new char[] {'b'};
        LEET['9'] = new char[] {'g'};
        LEET['@'] = new char[] {'a'};
        LEET['$'] = new char[] {'s'};
        LEET['!'] = new char[] {'i'};
        LEET['|'] = new char[] {'l', 'i'};
    }

    private final int[] exactTerm;
    private final int[] prefixTerm;
    private final long[] edgeKeys;
    private final int[] edgeChild;
    private final int mask;

    /** Children of the root by ASCII character, the hottest lookups. */
    private final int[] rootChild = new int[128];

    /** Grandchildren of the root by two ASCII characters (first * 128 + second). */
    private final int[] secondLevel = new int[128 * 128];

    private final int termCount;

    private TermTrie(Builder b) {
        exactTerm = b.exact.stream().mapToInt(Integer::intValue).toArray();
        prefixTerm = b.prefix.stream().mapToInt(Integer::intValue).toArray();
        int capacity = Integer.highestOneBit(Math.max(16, b.edges.size() * 2 + 1)) << 1;
        edgeKeys = new long[capacity];
        edgeChild = new int[capacity];
        mask = capacity - 1;
        for (Map.Entry<Long, Integer> e : b.edges.entrySet()) {
            long key = e.getKey() + 1; // 0 marks an empty slot
            int h = slot(key);
            while (edgeKeys[h] != 0) {
                h = (h + 1) & mask;
            }
            edgeKeys[h] = key;
            edgeChild[h] = e.getValue();
        }
        for (char c = 0; c < 128; c++) {
            rootChild[c] = probe(0, c);
        }
        for (char c = 0; c < 128; c++) {
            for (char d = 0; d < 128; d++) {
                secondLevel[c * 128 + d] = rootChild[c] == NONE ? NONE : probe(rootChild[c], d);
            }
        }
        termCount = b.terms.size();
    }

    int termCount() {
        return termCount;
    }

    /**
     * Whether {@code c} can stand for a letter in leetspeak. The tokenizer decides which words are
     * read with substitutions: words with two or more letters ("pr0mpt"), short words with one
     * ("n0"), and in a text written mostly in leetspeak even all-digit words ("537").
     */
    static boolean isLeetSubstitute(char c) {
        return c < 128 && LEET[c] != null;
    }

    /**
     * Adds to token {@code t} of the workspace every term that {@code s[from, to)} matches: the
     * exact word, and every prefix word along the way. Returns true if a term was found only
     * through leetspeak substitution.
     */
    boolean lookup(char[] s, int from, int to, boolean leet, ScanWorkspace ws, int t) {
        int node = 0;
        for (int i = from; i < to && node != NONE; i++) {
            node = child(node, s[i]);
            if (node != NONE && prefixTerm[node] != NONE) {
                ws.addTermHit(t, prefixTerm[node]);
            }
        }
        if (node != NONE && exactTerm[node] != NONE) {
            ws.addTermHit(t, exactTerm[node]);
        }
        if (!leet) {
            return false;
        }
        int before = ws.termHitCount;
        walkLeet(s, from, to, 0, false, ws, t);
        return ws.termHitCount > before;
    }

    private void walkLeet(
            char[] s, int i, int to, int node, boolean substituted, ScanWorkspace ws, int t) {
        if (i == to) {
            if (substituted && exactTerm[node] != NONE) {
                ws.addTermHit(t, exactTerm[node]);
            }
            return;
        }
        char c = s[i];
        int next = child(node, c);
        if (next != NONE) {
            if (substituted && prefixTerm[next] != NONE) {
                ws.addTermHit(t, prefixTerm[next]);
            }
            walkLeet(s, i + 1, to, next, substituted, ws, t);
        }
        char[] alternatives = c < 128 ? LEET[c] : null;
        if (alternatives != null) {
            for (char alt : alternatives) {
                int sub = child(node, alt);
                if (sub != NONE) {
                    if (prefixTerm[sub] != NONE) {
                        ws.addTermHit(t, prefixTerm[sub]);
                    }
                    walkLeet(s, i + 1, to, sub, true, ws, t);
                }
            }
        }
    }

    /** The node reached from {@code node} by {@code c}, or {@link #NONE}; the root is 0. */
    int step(int node, char c) {
        return child(node, c);
    }

    /** The node reached from the root by two characters, or {@link #NONE}. */
    int stepTwo(char first, char second) {
        if (first < 128 && second < 128) {
            return secondLevel[first * 128 + second];
        }
        int node = child(0, first);
        return node == NONE ? NONE : child(node, second);
    }

    int prefixTermAt(int node) {
        return prefixTerm[node];
    }

    int exactTermAt(int node) {
        return exactTerm[node];
    }

    /** Adds the leetspeak readings of {@code s[from, to)}; true if they found a new term. */
    boolean lookupLeet(char[] s, int from, int to, ScanWorkspace ws, int t) {
        int before = ws.termHitCount;
        walkLeet(s, from, to, 0, false, ws, t);
        return ws.termHitCount > before;
    }

    /**
     * Length of the longest word (exact, or prefix word) that starts at {@code s[from]}, at least
     * {@code minLength} long; 0 if none. Used to find words in letters glued together.
     */
    int longestMatch(char[] s, int from, int to, int minLength) {
        int node = 0;
        int best = 0;
        for (int i = from; i < to; i++) {
            node = child(node, s[i]);
            if (node == NONE) {
                break;
            }
            int length = i - from + 1;
            if (length >= minLength && (exactTerm[node] != NONE || prefixTerm[node] != NONE)) {
                best = length;
            }
        }
        return best;
    }

    private int child(int node, char c) {
        if (node == 0 && c < 128) {
            return rootChild[c];
        }
        return probe(node, c);
    }

    private int probe(int node, char c) {
        long key = (((long) node << 16) | c) + 1;
        int h = slot(key);
        while (true) {
            long k = edgeKeys[h];
            if (k == key) {
                return edgeChild[h];
            }
            if (k == 0) {
                return NONE;
            }
            h = (h + 1) & mask;
        }
    }

    private int slot(long key) {
        long x = key * 0x9E3779B97F4A7C15L;
        return (int) (x >>> 40) & mask;
    }

    static final class Builder {
        private final List<Integer> exact = new ArrayList<>(List.of(NONE));
        private final List<Integer> prefix = new ArrayList<>(List.of(NONE));
        private final Map<Long, Integer> edges = new HashMap<>();
        private final List<String> terms = new ArrayList<>();
        private final Map<String, Integer> termIds = new HashMap<>();

        /** Adds a word (already folded to lower case) and returns its term id. */
        int add(String word, boolean isPrefix) {
            if (word.isEmpty()) {
                throw new IllegalArgumentException("empty word");
            }
            String key = (isPrefix ? "*" : "=") + word;
            Integer known = termIds.get(key);
            if (known != null) {
                return known;
            }
            int node = 0;
            for (int i = 0; i < word.length(); i++) {
                long edge = ((long) node << 16) | word.charAt(i);
                Integer next = edges.get(edge);
                if (next == null) {
                    next = exact.size();
                    exact.add(NONE);
                    prefix.add(NONE);
                    edges.put(edge, next);
                }
                node = next;
            }
            int term = terms.size();
            terms.add(word);
            termIds.put(key, term);
            if (isPrefix) {
                prefix.set(node, term);
            } else {
                exact.set(node, term);
            }
            return term;
        }

        /** The word of a term (without the prefix mark). */
        String word(int term) {
            return terms.get(term);
        }

        TermTrie build() {
            return new TermTrie(this);
        }
    }
}
