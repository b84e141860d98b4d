package io.llmsentinel.detectors.security.scan;

import java.util.Arrays;

/**
 * Per-thread scratch buffers for one prompt scan, reused across scans so that scanning benign text
 * allocates almost nothing. Holds one layer at a time (the text, then each decoded payload). Not
 * thread-safe by design: obtain it with {@link #get()} on the scanning thread.
 */
final class ScanWorkspace {
    private static final ThreadLocal<ScanWorkspace> LOCAL =
            ThreadLocal.withInitial(ScanWorkspace::new);

    /** Buffers grown beyond this by one huge prompt are dropped after the scan. */
    private static final int RETAINED_CHARS = 64 * 1024;

    // Per normalised character: flags set while folding.
    static final byte C_HOMOGLYPH = 1;
    static final byte C_COMPAT = 2;
    static final byte C_INVISIBLE_BEFORE = 4;

    static final int MAX_BASE64_RUNS = 8;

    // --- normalised text of the current layer ---
    char[] norm;
    char[] plain; // the letter itself where norm holds a homoglyph's Latin reading (see plainAt)
    int[] origin; // index in the layer text of the code point each char came from
    byte[] charFlags;
    int normLen;
    int latinLetters;
    int otherLetters;
    boolean hexCandidate;

    /** The layer is all ASCII: normalised offsets are the layer's own. */
    boolean asciiOnly;

    // lines of the layer with two or more unusual symbols: [start, end) pairs
    int[] symbolLines = new int[32];
    int symbolLineCount;
    byte[] hexBuffer = new byte[256];
    final int[] base64Start = new int[MAX_BASE64_RUNS];
    final int[] base64End = new int[MAX_BASE64_RUNS];
    int base64Runs;

    // --- raw word spans, before spaced-letter runs are merged ---
    int rawCount;
    int[] rawStart;
    int[] rawEnd;

    // --- tokens ---
    int tokenCount;
    int[] tokStart; // norm index
    int[] tokEnd;
    int[] tokTextStart; // index in tokChars
    int[] tokTextEnd;
    int[] tokFlags; // Transform bits
    int[] tokTermStart; // index in termHits
    int[] tokTermEnd;
    char[] tokChars;
    int tokCharsLen;
    int[] termHits;
    int termHitCount;

    // --- phrase slot hits (linked lists per slot, in token order) ---
    int[] slotHead = new int[0];
    int[] slotTail = new int[0];
    int[] slotHitCount = new int[0];
    int[] touchedSlots = new int[0];
    int touchedCount;
    int[] hitStart = new int[256];
    int[] hitEnd = new int[256];
    int[] hitNext = new int[256];
    int hitCount;
    // terms seen anywhere in the layer, one bit each: cheap rejection of multi-word phrases
    long[] termSeen = new long[0];

    // positions of words that start lazy phrases: a linked list per term
    int[] termHead = new int[0];
    int[] touchedTerms = new int[64];
    int touchedTermCount;
    int[] positionToken = new int[256];
    int[] positionNext = new int[256];
    int positionCount;
    long[] lazyScratch = new long[64];
    final int[] prefixScratch = new int[8];

    boolean[] slotCollected = new boolean[0];
    int[] collectedSlots = new int[0];
    int collectedCount;
    boolean[] patternQueued = new boolean[0];
    int[] queuedPatterns = new int[0];
    int queuedCount;
    long markerSeen; // bit per marker term seen in this layer

    private Scoreboard scoreboard;

    private ScanWorkspace() {
        allocateText(1024);
        allocateTokens(256);
    }

    static ScanWorkspace get() {
        return LOCAL.get();
    }

    /** The scoreboard for scans with {@code library}, created on first use. */
    Scoreboard scoreboard(SignatureLibrary library) {
        if (scoreboard == null || scoreboard.library() != library) {
            scoreboard = new Scoreboard(library);
        }
        return scoreboard;
    }

    /** Sizes the per-slot arrays for a signature library; cheap when already sized. */
    void prepare(int slots, int patterns, int terms) {
        if (termHead.length != terms) {
            termSeen = new long[(terms + 63) / 64];
            termHead = new int[terms];
            Arrays.fill(termHead, -1);
            touchedTermCount = 0;
        }
        if (slotHead.length != slots) {
            slotHead = new int[slots];
            slotTail = new int[slots];
            slotHitCount = new int[slots];
            touchedSlots = new int[slots];
            Arrays.fill(slotHead, -1);
            touchedCount = 0;
            slotCollected = new boolean[slots];
            collectedSlots = new int[slots];
            collectedCount = 0;
        }
        if (patternQueued.length != patterns) {
            patternQueued = new boolean[patterns];
            queuedPatterns = new int[patterns];
            queuedCount = 0;
        }
    }

    /** Resets everything that describes one layer. */
    void beginLayer(int textLength) {
        if (norm.length < textLength + 16) {
            allocateText(Math.max(textLength + 16, norm.length * 2));
        }
        normLen = 0;
        latinLetters = 0;
        otherLetters = 0;
        hexCandidate = false;
        symbolLineCount = 0;
        base64Runs = 0;
        rawCount = 0;
        tokenCount = 0;
        tokCharsLen = 0;
        termHitCount = 0;
        markerSeen = 0;
        clearHits();
    }

    void clearHits() {
        for (int i = 0; i < touchedCount; i++) {
            int slot = touchedSlots[i];
            slotHead[slot] = -1;
            slotHitCount[slot] = 0;
        }
        touchedCount = 0;
        hitCount = 0;
        for (int i = 0; i < collectedCount; i++) {
            slotCollected[collectedSlots[i]] = false;
        }
        collectedCount = 0;
        for (int i = 0; i < touchedTermCount; i++) {
            termHead[touchedTerms[i]] = -1;
        }
        touchedTermCount = 0;
        positionCount = 0;
        Arrays.fill(termSeen, 0L);
        for (int i = 0; i < queuedCount; i++) {
            patternQueued[queuedPatterns[i]] = false;
        }
        queuedCount = 0;
    }

    /** Drops buffers that one unusually large prompt grew, so a thread does not keep them. */
    void trim() {
        if (norm.length > RETAINED_CHARS) {
            allocateText(1024);
        }
        if (tokStart.length > RETAINED_CHARS / 4 || tokChars.length > RETAINED_CHARS) {
            allocateTokens(256);
        }
        if (hitStart.length > 4096) {
            hitStart = new int[256];
            hitEnd = new int[256];
            hitNext = new int[256];
        }
    }

    /**
     * Appends a folded character. {@code unfolded} is kept only for homoglyphs, the one case where
     * the tokenizer may read a word with its own letters ({@link #plainAt}).
     */
    void appendNorm(char folded, char unfolded, int originIndex, byte flags) {
        if (normLen == norm.length) {
            growText();
        }
        norm[normLen] = folded;
        if ((flags & C_HOMOGLYPH) != 0) {
            plain[normLen] = unfolded;
        }
        origin[normLen] = originIndex;
        charFlags[normLen] = flags;
        normLen++;
    }

    /** The character at {@code i} without homoglyph folding. */
    char plainAt(int i) {
        return (charFlags[i] & C_HOMOGLYPH) != 0 ? plain[i] : norm[i];
    }

    void addSymbolLine(int start, int end) {
        if (2 * symbolLineCount + 2 > symbolLines.length) {
            symbolLines = Arrays.copyOf(symbolLines, symbolLines.length * 2);
        }
        symbolLines[2 * symbolLineCount] = start;
        symbolLines[2 * symbolLineCount + 1] = end;
        symbolLineCount++;
    }

    void addBase64Run(int start, int end) {
        if (base64Runs < MAX_BASE64_RUNS) {
            base64Start[base64Runs] = start;
            base64End[base64Runs] = end;
            base64Runs++;
        }
    }

    void addRaw(int start, int end) {
        if (rawCount == rawStart.length) {
            rawStart = Arrays.copyOf(rawStart, rawCount * 2);
            rawEnd = Arrays.copyOf(rawEnd, rawCount * 2);
        }
        rawStart[rawCount] = start;
        rawEnd[rawCount] = end;
        rawCount++;
    }

    /** Forgets the tokens of the current layer (the tokenizer starts over). */
    void resetTokens() {
        rawCount = 0;
        tokenCount = 0;
        tokCharsLen = 0;
        termHitCount = 0;
    }

    /** Starts a token; its text is appended with {@link #appendTokenChar} before it is closed. */
    int openToken(int start, int end, int flags) {
        if (tokenCount == tokStart.length) {
            growTokens();
        }
        int t = tokenCount;
        tokStart[t] = start;
        tokEnd[t] = end;
        tokTextStart[t] = tokCharsLen;
        tokFlags[t] = flags;
        return t;
    }

    void appendTokenChar(char c) {
        if (tokCharsLen == tokChars.length) {
            tokChars = Arrays.copyOf(tokChars, tokChars.length * 2);
        }
        tokChars[tokCharsLen++] = c;
    }

    void closeToken(int t) {
        tokTextEnd[t] = tokCharsLen;
        tokTermStart[t] = termHitCount;
        tokTermEnd[t] = termHitCount;
        tokenCount = t + 1;
    }

    void addTermHit(int t, int term) {
        for (int i = tokTermStart[t]; i < termHitCount; i++) {
            if (termHits[i] == term) {
                return;
            }
        }
        if (termHitCount == termHits.length) {
            termHits = Arrays.copyOf(termHits, termHits.length * 2);
        }
        termHits[termHitCount++] = term;
        tokTermEnd[t] = termHitCount;
        termSeen[term >>> 6] |= 1L << term;
    }

    boolean seen(int term) {
        return (termSeen[term >>> 6] & (1L << term)) != 0;
    }

    boolean tokenHasTerm(int t, int term) {
        for (int i = tokTermStart[t]; i < tokTermEnd[t]; i++) {
            if (termHits[i] == term) {
                return true;
            }
        }
        return false;
    }

    /** Records that {@code slot} matched tokens [start, end]; returns false if the slot is full. */
    boolean addSlotHit(int slot, int start, int end, int maxPerSlot) {
        if (slotHitCount[slot] >= maxPerSlot) {
            return false;
        }
        if (hitCount == hitStart.length) {
            hitStart = Arrays.copyOf(hitStart, hitCount * 2);
            hitEnd = Arrays.copyOf(hitEnd, hitCount * 2);
            hitNext = Arrays.copyOf(hitNext, hitCount * 2);
        }
        int h = hitCount++;
        hitStart[h] = start;
        hitEnd[h] = end;
        hitNext[h] = -1;
        if (slotHead[slot] < 0) {
            slotHead[slot] = h;
            touchedSlots[touchedCount++] = slot;
        } else {
            hitNext[slotTail[slot]] = h;
        }
        slotTail[slot] = h;
        slotHitCount[slot]++;
        return true;
    }

    /**
     * Notes that {@code term} occurs at token {@code t}. Lists are built back to front, which is
     * fine: lazy collection sorts what it finds.
     */
    void addTermPosition(int term, int t) {
        if (positionCount == positionToken.length) {
            positionToken = Arrays.copyOf(positionToken, positionCount * 2);
            positionNext = Arrays.copyOf(positionNext, positionCount * 2);
        }
        if (termHead[term] < 0) {
            if (touchedTermCount == touchedTerms.length) {
                touchedTerms = Arrays.copyOf(touchedTerms, touchedTermCount * 2);
            }
            touchedTerms[touchedTermCount++] = term;
        }
        positionToken[positionCount] = t;
        positionNext[positionCount] = termHead[term];
        termHead[term] = positionCount++;
    }

    int termPositionHead(int term) {
        return termHead[term];
    }

    /** Marks a lazy slot as collected for this layer; false if it already was. */
    boolean markCollected(int slot) {
        if (slotCollected[slot]) {
            return false;
        }
        slotCollected[slot] = true;
        collectedSlots[collectedCount++] = slot;
        return true;
    }

    void queuePattern(int pattern) {
        if (!patternQueued[pattern]) {
            patternQueued[pattern] = true;
            queuedPatterns[queuedCount++] = pattern;
        }
    }

    private void allocateText(int capacity) {
        norm = new char[capacity];
        plain = new char[capacity];
        origin = new int[capacity];
        charFlags = new byte[capacity];
    }

    void growText() {
        int capacity = norm.length * 2;
        norm = Arrays.copyOf(norm, capacity);
        plain = Arrays.copyOf(plain, capacity);
        origin = Arrays.copyOf(origin, capacity);
        charFlags = Arrays.copyOf(charFlags, capacity);
    }

    private void allocateTokens(int capacity) {
        rawStart = new int[capacity];
        rawEnd = new int[capacity];
        tokStart = new int[capacity];
        tokEnd = new int[capacity];
        tokTextStart = new int[capacity];
        tokTextEnd = new int[capacity];
        tokFlags = new int[capacity];
        tokTermStart = new int[capacity];
        tokTermEnd = new int[capacity];
        tokChars = new char[capacity * 8];
        termHits = new int[capacity];
    }

    private void growTokens() {
        int capacity = tokStart.length * 2;
        tokStart = Arrays.copyOf(tokStart, capacity);
        tokEnd = Arrays.copyOf(tokEnd, capacity);
        tokTextStart = Arrays.copyOf(tokTextStart, capacity);
        tokTextEnd = Arrays.copyOf(tokTextEnd, capacity);
        tokFlags = Arrays.copyOf(tokFlags, capacity);
        tokTermStart = Arrays.copyOf(tokTermStart, capacity);
        tokTermEnd = Arrays.copyOf(tokTermEnd, capacity);
    }
}
