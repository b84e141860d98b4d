package io.llmsentinel.detectors.security.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled phrase patterns of a signature library. A pattern is a sequence of slots, each a set
 * of alternative phrases (one or more words, the last one optionally a prefix), with a bound on the
 * number of tokens allowed between consecutive slots:
 *
 * <pre>{ignore|disregard|pay no attention to} ~3 {previous|prior|above} ~2 {instruct*|rule*}</pre>
 *
 * <p>Matching is driven by the keyword trie and runs in two phases, so that ordinary text costs one
 * pass. Slots whose phrases all start with content words ({@code ignore}, {@code instructions}) are
 * <em>eager</em>: every token's terms point at the alternatives they start, and a hit is recorded
 * against the slot. Slots with a phrase starting with a function word ({@code the}, {@code your},
 * {@code all}) are <em>lazy</em>: such words are everywhere, so their hits are collected only for a
 * pattern whose eager slots have all been hit, which in benign text is rare. Only then are order
 * and gaps checked. An optional veto slot ({@code unless}) rejects a match when one of its phrases
 * lies inside the matched span.
 */
final class PhraseIndex {
    /** Hits kept per slot and layer: bounds the work a text repeating one keyword can cause. */
    static final int MAX_HITS_PER_SLOT = 64;

    /** Words too common to drive matching (their slots are collected lazily). */
    static final Set<String> FUNCTION_WORDS =
            Set.of(
                    "the", "a", "an", "this", "that", "these", "those", "your", "you", "you're",
                    "yours", "ur", "my", "i", "i'm", "i'd", "me", "we", "our", "us", "all", "any",
                    "every", "each", "to", "of", "in", "on", "at", "for", "from", "with", "by",
                    "as", "and", "or", "is", "are", "was", "were", "be", "been", "it", "its", "do",
                    "don't", "dont", "not", "no", "never", "just", "only", "now", "then", "if",
                    "can", "will", "would", "should", "must", "have", "has", "what", "what's",
                    "which", "how", "who", "there", "here", "so", "up", "out", "new", "one", "two",
                    "both", "after", "before", "about", "some", "more", "other", "let's", "lets",
                    "let", "please", "also", "into", "but", "than", "very", "without", "they",
                    "their", "he", "she", "his", "her", "them");

    final TermTrie trie;

    /** term id -> alternatives of eager slots whose first word is that term. */
    final int[][] eagerAltsByFirstTerm;

    /** term id -> whether it starts an alternative of a lazy slot (its positions are indexed). */
    final boolean[] termIndexed;

    /** slot -> its alternatives. */
    final int[][] slotAlts;

    /** slot -> the distinct first words of its alternatives, sorted (for lazy slots). */
    final int[][] slotFirstTerms;

    /** slot -> for each of {@link #slotFirstTerms}, the alternatives starting with it. */
    final int[][][] slotAltsByFirst;

    /** alternative -> its words as term ids. */
    final int[][] altTerms;

    /** alternative -> slot. */
    final int[] altSlot;

    /** slot -> owning pattern, or -1 for veto slots. */
    final int[] slotPattern;

    /** slot -> collected only on demand. */
    final boolean[] slotLazy;

    /** pattern -> slots in order. */
    final int[][] patternSlots;

    /** pattern -> max tokens allowed before each slot (index 0 unused). */
    final int[][] patternGaps;

    /** pattern -> veto slot or -1. */
    final int[] patternVeto;

    /** pattern -> signature index of its rule. */
    final int[] patternRule;

    /** pattern -> positions (in its slots) of its eager slots. */
    final int[][] patternEager;

    /**
     * pattern -> for each eager slot after the first, the most tokens that can separate it from the
     * previous eager slot's hit (the gaps and the longest phrases of the lazy slots between).
     */
    final int[][] patternEagerReach;

    /** term id -> marker bit (see {@link PayloadDecoder}), 0 if none. */
    final long[] termMarker;

    private PhraseIndex(Builder b) {
        trie = b.trie.build();
        int terms = trie.termCount();
        altTerms = b.altTerms.toArray(new int[0][]);
        altSlot = b.altSlot.stream().mapToInt(Integer::intValue).toArray();
        slotPattern = b.slotPattern.stream().mapToInt(Integer::intValue).toArray();
        patternSlots = b.patternSlots.toArray(new int[0][]);
        patternGaps = b.patternGaps.toArray(new int[0][]);
        patternVeto = b.patternVeto.stream().mapToInt(Integer::intValue).toArray();
        patternRule = b.patternRule.stream().mapToInt(Integer::intValue).toArray();
        slotLazy = lazySlots(b, slotPattern.length);
        eagerAltsByFirstTerm = altsByFirstTerm(terms, false);
        int[] longest = new int[slotPattern.length];
        for (int a = 0; a < altTerms.length; a++) {
            longest[altSlot[a]] = Math.max(longest[altSlot[a]], altTerms[a].length);
        }
        patternEager = new int[patternSlots.length][];
        patternEagerReach = new int[patternSlots.length][];
        for (int p = 0; p < patternSlots.length; p++) {
            int[] slots = patternSlots[p];
            List<Integer> eager = new ArrayList<>();
            for (int k = 0; k < slots.length; k++) {
                if (!slotLazy[slots[k]]) {
                    eager.add(k);
                }
            }
            patternEager[p] = eager.stream().mapToInt(Integer::intValue).toArray();
            int[] reach = new int[eager.size()];
            for (int e = 1; e < eager.size(); e++) {
                int from = eager.get(e - 1);
                int to = eager.get(e);
                int tokens = patternGaps[p][to];
                for (int k = from + 1; k < to; k++) {
                    tokens += patternGaps[p][k] + longest[slots[k]];
                }
                reach[e] = tokens;
            }
            patternEagerReach[p] = reach;
        }
        termIndexed = new boolean[terms];
        List<List<Integer>> bySlot = new ArrayList<>();
        for (int slot = 0; slot < slotPattern.length; slot++) {
            bySlot.add(new ArrayList<>());
        }
        for (int a = 0; a < altTerms.length; a++) {
            bySlot.get(altSlot[a]).add(a);
            if (slotLazy[altSlot[a]]) {
                termIndexed[altTerms[a][0]] = true;
            }
        }
        slotAlts = new int[slotPattern.length][];
        slotFirstTerms = new int[slotPattern.length][];
        slotAltsByFirst = new int[slotPattern.length][][];
        for (int slot = 0; slot < slotAlts.length; slot++) {
            slotAlts[slot] = bySlot.get(slot).stream().mapToInt(Integer::intValue).toArray();
            int[] firsts =
                    java.util.Arrays.stream(slotAlts[slot])
                            .map(a -> altTerms[a][0])
                            .distinct()
                            .sorted()
                            .toArray();
            slotFirstTerms[slot] = firsts;
            slotAltsByFirst[slot] = new int[firsts.length][];
            for (int f = 0; f < firsts.length; f++) {
                int first = firsts[f];
                slotAltsByFirst[slot][f] =
                        java.util.Arrays.stream(slotAlts[slot])
                                .filter(a -> altTerms[a][0] == first)
                                .toArray();
            }
        }
        termMarker = new long[terms];
        b.markers.forEach((term, bit) -> termMarker[term] |= bit);
    }

    /**
     * A slot is lazy when one of its phrases starts with a function word; veto slots always are. A
     * pattern with only lazy slots keeps eager the slot with the fewest such phrases (the last one
     * on a tie), or it would never be checked.
     */
    private boolean[] lazySlots(Builder b, int slots) {
        boolean[] lazy = new boolean[slots];
        int[] functionInitial = new int[slots];
        for (int a = 0; a < altTerms.length; a++) {
            if (FUNCTION_WORDS.contains(b.trie.word(altTerms[a][0]))) {
                lazy[altSlot[a]] = true;
                functionInitial[altSlot[a]]++;
            }
        }
        for (int s = 0; s < slots; s++) {
            lazy[s] |= slotPattern[s] < 0;
        }
        for (int[] pattern : patternSlots) {
            int best = -1;
            for (int s : pattern) {
                if (!lazy[s]) {
                    best = -2;
                    break;
                }
                if (best < 0 || functionInitial[s] <= functionInitial[best]) {
                    best = s;
                }
            }
            if (best >= 0) {
                lazy[best] = false;
            }
        }
        return lazy;
    }

    private int[][] altsByFirstTerm(int terms, boolean lazy) {
        // alternatives of the given laziness, grouped by their first word
        List<List<Integer>> byTerm = new ArrayList<>();
        for (int i = 0; i < terms; i++) {
            byTerm.add(new ArrayList<>());
        }
        for (int a = 0; a < altTerms.length; a++) {
            if (slotLazy[altSlot[a]] == lazy) {
                byTerm.get(altTerms[a][0]).add(a);
            }
        }
        int[][] out = new int[terms][];
        for (int i = 0; i < terms; i++) {
            out[i] = byTerm.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    int slotCount() {
        return slotPattern.length;
    }

    int patternCount() {
        return patternSlots.length;
    }

    /**
     * Phase one: records hits of eager slots for every token of the current layer and queues their
     * patterns, and notes where the words that start lazy phrases occur; the caller then walks
     * {@code ws.queuedPatterns} with {@link #findMatch}.
     */
    void collectHits(ScanWorkspace ws) {
        for (int t = 0; t < ws.tokenCount; t++) {
            for (int h = ws.tokTermStart[t]; h < ws.tokTermEnd[t]; h++) {
                int term = ws.termHits[h];
                ws.markerSeen |= termMarker[term];
                if (termIndexed[term]) {
                    ws.addTermPosition(term, t);
                }
                for (int alt : eagerAltsByFirstTerm[term]) {
                    if (matchesAt(ws, alt, t)) {
                        int slot = altSlot[alt];
                        int last = t + altTerms[alt].length - 1;
                        if (ws.addSlotHit(slot, t, last, MAX_HITS_PER_SLOT)
                                && slotPattern[slot] >= 0) {
                            ws.queuePattern(slotPattern[slot]);
                        }
                    }
                }
            }
        }
    }

    /**
     * Phase two for one lazy slot: its hits over the whole layer, collected once from the positions
     * of the words its phrases start with, then recorded in token order.
     */
    private void collectLazy(ScanWorkspace ws, int slot) {
        if (!ws.markCollected(slot)) {
            return;
        }
        int found = 0;
        long[] scratch = ws.lazyScratch;
        for (int alt : slotAlts[slot]) {
            for (int p = ws.termPositionHead(altTerms[alt][0]); p >= 0; p = ws.positionNext[p]) {
                int t = ws.positionToken[p];
                if (matchesAt(ws, alt, t)) {
                    if (found == scratch.length) {
                        scratch = java.util.Arrays.copyOf(scratch, found * 2);
                        ws.lazyScratch = scratch;
                    }
                    // start in the high half, end in the low half: sorting orders by start
                    scratch[found++] = ((long) t << 32) | (t + altTerms[alt].length - 1);
                }
            }
        }
        java.util.Arrays.sort(scratch, 0, found);
        for (int i = 0; i < found; i++) {
            ws.addSlotHit(slot, (int) (scratch[i] >>> 32), (int) scratch[i], MAX_HITS_PER_SLOT);
        }
    }

    private boolean matchesAt(ScanWorkspace ws, int alt, int t) {
        int[] words = altTerms[alt];
        if (t + words.length > ws.tokenCount) {
            return false;
        }
        for (int k = 1; k < words.length; k++) {
            if (!ws.seen(words[k]) || !ws.tokenHasTerm(t + k, words[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds the first occurrence of {@code pattern}: returns {@code (firstToken << 32) |
     * lastToken}, or -1. Lazy slots are collected only once every eager slot has a hit.
     */
    long findMatch(ScanWorkspace ws, int pattern) {
        int[] slots = patternSlots[pattern];
        for (int slot : slots) {
            if (!slotLazy[slot] && ws.slotHead[slot] < 0) {
                return -1;
            }
        }
        if (!eagerChain(ws, pattern)) {
            return -1; // the content words are there, but too far apart or out of order
        }
        if (slotLazy[slots[0]]) {
            collectLazy(ws, slots[0]); // the search starts from the first slot's hits
        }
        int[] gaps = patternGaps[pattern];
        int veto = patternVeto[pattern];
        for (int h = ws.slotHead[slots[0]]; h >= 0; h = ws.hitNext[h]) {
            int end = extend(ws, slots, gaps, 1, ws.hitEnd[h]);
            if (end >= 0 && !vetoed(ws, veto, ws.hitStart[h], end)) {
                return ((long) ws.hitStart[h] << 32) | end;
            }
        }
        return -1;
    }

    /**
     * Whether the eager slots' hits can be chained in order within their reach (the lazy slots
     * between them not yet checked): a cheap necessary condition for a match.
     */
    private boolean eagerChain(ScanWorkspace ws, int pattern) {
        int[] eager = patternEager[pattern];
        int first = patternSlots[pattern][eager[0]];
        for (int h = ws.slotHead[first]; h >= 0; h = ws.hitNext[h]) {
            if (eagerChain(ws, pattern, 1, ws.hitEnd[h])) {
                return true;
            }
        }
        return false;
    }

    private boolean eagerChain(ScanWorkspace ws, int pattern, int e, int prevEnd) {
        int[] eager = patternEager[pattern];
        if (e == eager.length) {
            return true;
        }
        int limit = prevEnd + 1 + patternEagerReach[pattern][e];
        for (int h = ws.slotHead[patternSlots[pattern][eager[e]]]; h >= 0; h = ws.hitNext[h]) {
            int start = ws.hitStart[h];
            if (start > limit) {
                break;
            }
            if (start > prevEnd && eagerChain(ws, pattern, e + 1, ws.hitEnd[h])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Depth-first: the last token of a match of slots[k..] after {@code prevEnd}, or -1. A lazy
     * slot is tested at the few positions its gap allows instead of from a list of hits.
     */
    private int extend(ScanWorkspace ws, int[] slots, int[] gaps, int k, int prevEnd) {
        if (k == slots.length) {
            return prevEnd;
        }
        int limit = prevEnd + 1 + gaps[k];
        if (slotLazy[slots[k]]) {
            int slot = slots[k];
            int last = Math.min(limit, ws.tokenCount - 1);
            for (int t = prevEnd + 1; t <= last; t++) {
                for (int h = ws.tokTermStart[t]; h < ws.tokTermEnd[t]; h++) {
                    int f = java.util.Arrays.binarySearch(slotFirstTerms[slot], ws.termHits[h]);
                    if (f < 0) {
                        continue;
                    }
                    for (int alt : slotAltsByFirst[slot][f]) {
                        if (matchesAt(ws, alt, t)) {
                            int end = extend(ws, slots, gaps, k + 1, t + altTerms[alt].length - 1);
                            if (end >= 0) {
                                return end;
                            }
                        }
                    }
                }
            }
            return -1;
        }
        for (int h = ws.slotHead[slots[k]]; h >= 0; h = ws.hitNext[h]) {
            int start = ws.hitStart[h];
            if (start > limit) {
                break;
            }
            if (start > prevEnd) {
                int end = extend(ws, slots, gaps, k + 1, ws.hitEnd[h]);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private boolean vetoed(ScanWorkspace ws, int veto, int from, int to) {
        if (veto < 0) {
            return false;
        }
        collectLazy(ws, veto);
        for (int h = ws.slotHead[veto]; h >= 0; h = ws.hitNext[h]) {
            if (ws.hitStart[h] >= from && ws.hitStart[h] <= to) {
                return true;
            }
        }
        return false;
    }

    static final class Builder {
        private final TermTrie.Builder trie = new TermTrie.Builder();
        private final List<int[]> altTerms = new ArrayList<>();
        private final List<Integer> altSlot = new ArrayList<>();
        private final List<Integer> slotPattern = new ArrayList<>();
        private final List<int[]> patternSlots = new ArrayList<>();
        private final List<int[]> patternGaps = new ArrayList<>();
        private final List<Integer> patternVeto = new ArrayList<>();
        private final List<Integer> patternRule = new ArrayList<>();
        private final Map<Integer, Long> markers = new HashMap<>();

        /**
         * Adds a slot (owned by {@code pattern}, or -1 for a veto slot) whose alternatives are
         * phrases of folded words; a word ending in {@code *} is a prefix.
         */
        int addSlot(int pattern, List<List<String>> alternatives) {
            int slot = slotPattern.size();
            slotPattern.add(pattern);
            for (List<String> words : alternatives) {
                int[] terms = new int[words.size()];
                for (int i = 0; i < terms.length; i++) {
                    String w = words.get(i);
                    boolean prefix = w.endsWith("*");
                    terms[i] = trie.add(prefix ? w.substring(0, w.length() - 1) : w, prefix);
                }
                altTerms.add(terms);
                altSlot.add(slot);
            }
            return slot;
        }

        int nextPatternId() {
            return patternSlots.size();
        }

        void addPattern(int[] slots, int[] gaps, int vetoSlot, int rule) {
            patternSlots.add(slots);
            patternGaps.add(gaps);
            patternVeto.add(vetoSlot);
            patternRule.add(rule);
        }

        void addMarker(String word, long bit) {
            markers.merge(trie.add(word, false), bit, (a, b) -> a | b);
        }

        PhraseIndex build() {
            return new PhraseIndex(this);
        }
    }
}
