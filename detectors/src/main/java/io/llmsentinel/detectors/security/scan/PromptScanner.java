package io.llmsentinel.detectors.security.scan;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a prompt for prompt injection, jailbreaks, system-prompt extraction and adversarial
 * suffixes. Immutable and thread-safe; safe to hold in a Flink function (it serialises as its
 * threshold and reloads the shipped signature library on the other side).
 *
 * <p>How a scan works, per layer of text (the prompt, then each payload decoded from it):
 *
 * <ol>
 *   <li>{@link TextNormalizer}: fold compatibility forms, accents, homoglyphs; drop zero-width and
 *       bidi characters; keep a map back to original offsets; note base64 runs;
 *   <li>{@link Tokenizer}: split into words, undo leetspeak and spaced-out letters, and look every
 *       word up in the keyword trie of the signature library (the prefilter: benign text mostly
 *       stops here);
 *   <li>{@link PhraseIndex}: check the phrase patterns whose keywords all occurred; {@link
 *       LiteralMatcher}: chat-template tokens and role headers in one automaton pass;
 *   <li>{@link PayloadDecoder}: base64 / hex payloads that decode to text, and texts that read as
 *       ROT13 or backwards, become new layers (at most {@value #MAX_DEPTH} levels deep).
 * </ol>
 *
 * The prompt itself also goes through {@link AdversarialSuffixDetector}. A {@link Scoreboard}
 * combines everything into a logistic score: see {@code docs/security-scanning.md}.
 */
public final class PromptScanner implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_THRESHOLD = 0.5;
    static final int MAX_DEPTH = 2;
    static final int MAX_LAYERS = 8;

    private static final PromptScanner DEFAULTS = new PromptScanner(DEFAULT_THRESHOLD);

    private final double threshold;
    private final transient SignatureLibrary library;

    /** The verdict of a text that matches nothing at all, shared: most texts get this one. */
    private final transient PromptVerdict clean;

    private PromptScanner(double threshold) {
        this(SignatureLibrary.defaults(), threshold);
    }

    /** A scanner over another library (tests); it serialises back to the shipped library. */
    PromptScanner(SignatureLibrary library, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
        }
        this.threshold = threshold;
        this.library = library;
        double score = 1.0 / (1.0 + Math.exp(-library.bias));
        this.clean =
                new PromptVerdict(
                        score,
                        score >= threshold,
                        AttackCategory.NONE,
                        List.of(),
                        List.of(),
                        -1,
                        -1);
    }

    /** The shipped signature library with the default threshold ({@value #DEFAULT_THRESHOLD}). */
    public static PromptScanner defaults() {
        return DEFAULTS;
    }

    /**
     * The shipped signature library with another threshold on the score: lower catches more attacks
     * and flags more benign prompts.
     */
    public static PromptScanner withThreshold(double threshold) {
        return new PromptScanner(threshold);
    }

    public double threshold() {
        return threshold;
    }

    /** Version of the signature library, for audit trails and anomaly evidence. */
    public String libraryVersion() {
        return library.version;
    }

    public PromptVerdict scan(String text) {
        ScanWorkspace ws = ScanWorkspace.get();
        Scoreboard board = ws.scoreboard(library);
        board.reset();
        if (text != null && !text.isEmpty()) {
            ws.prepare(
                    library.phrases.slotCount(),
                    library.phrases.patternCount(),
                    library.phrases.trie.termCount());
            Layer root = Layer.root(text);
            ArrayDeque<Layer> pending = null;
            int layers = 0;
            Layer layer = root;
            int[] symbolLines = null;
            while (layer != null && layers < MAX_LAYERS) {
                layers++;
                List<Layer> found = scanLayer(layer, ws, board);
                if (layer == root && ws.symbolLineCount > 0) {
                    symbolLines = Arrays.copyOf(ws.symbolLines, 2 * ws.symbolLineCount);
                }
                if (found != null) {
                    if (pending == null) {
                        pending = new ArrayDeque<>();
                    }
                    pending.addAll(found);
                }
                layer = pending == null ? null : pending.poll();
            }
            AdversarialSuffixDetector.Result suffix =
                    symbolLines == null
                            ? null
                            : AdversarialSuffixDetector.detect(text, symbolLines);
            if (suffix != null) {
                Signature sig = library.adversarialSuffix;
                board.add(sig, sig.weight() * suffix.activation(), suffix.start(), suffix.end(), 0);
            }
            ws.trim();
        }
        return board.isEmpty() ? clean : board.verdict(threshold);
    }

    private List<Layer> scanLayer(Layer layer, ScanWorkspace ws, Scoreboard board) {
        TextNormalizer.normalize(layer.text, ws);
        PhraseIndex phrases = library.phrases;
        Tokenizer.tokenize(ws, phrases.trie);
        phrases.collectHits(ws);
        for (int q = 0; q < ws.queuedCount; q++) {
            int pattern = ws.queuedPatterns[q];
            long match = phrases.findMatch(ws, pattern);
            if (match >= 0) {
                int first = (int) (match >>> 32);
                int last = (int) match;
                int transforms = layer.transforms;
                for (int t = first; t <= last; t++) {
                    transforms |= ws.tokFlags[t];
                }
                Signature rule = library.signatures.get(phrases.patternRule[pattern]);
                record(board, rule, layer, ws, ws.tokStart[first], ws.tokEnd[last], transforms);
            }
        }
        if (!library.literals.isEmpty()) {
            LiteralMatcher.Sink sink =
                    (literal, end) -> {
                        int start = end - library.literals.patternLength(literal);
                        int transforms = layer.transforms | charTransforms(ws, start, end);
                        Signature rule = library.signatures.get(library.literalRule[literal]);
                        record(board, rule, layer, ws, start, end, transforms);
                    };
            if (ws.asciiOnly) {
                library.literals.scanAscii(layer.text, ws.norm, ws.normLen, sink);
            } else {
                library.literals.scan(ws.norm, 0, ws.normLen, sink);
            }
        }
        return PayloadDecoder.payloads(layer, ws, MAX_DEPTH);
    }

    /** Records a match given in normalised offsets [normStart, normEnd) of the current layer. */
    private static void record(
            Scoreboard board,
            Signature rule,
            Layer layer,
            ScanWorkspace ws,
            int normStart,
            int normEnd,
            int transforms) {
        int start = ws.origin[normStart];
        int lastOrigin = ws.origin[normEnd - 1];
        int end = lastOrigin + Character.charCount(layer.text.codePointAt(lastOrigin));
        long original = layer.toOriginal(start, end);
        board.add(rule, rule.weight(), (int) (original >>> 32), (int) original, transforms);
    }

    private static int charTransforms(ScanWorkspace ws, int start, int end) {
        int bits = 0;
        for (int i = start; i < end; i++) {
            byte f = ws.charFlags[i];
            if ((f & ScanWorkspace.C_HOMOGLYPH) != 0) {
                bits |= Transform.HOMOGLYPH.bit();
            }
            if ((f & ScanWorkspace.C_COMPAT) != 0) {
                bits |= Transform.UNICODE_COMPAT.bit();
            }
            if (i > start && (f & ScanWorkspace.C_INVISIBLE_BEFORE) != 0) {
                bits |= Transform.INVISIBLE_CHARS.bit();
            }
        }
        return bits;
    }

    private Object readResolve() {
        return threshold == DEFAULT_THRESHOLD ? DEFAULTS : new PromptScanner(threshold);
    }

    @Override
    public String toString() {
        return "PromptScanner(threshold=" + threshold + ", library=" + library.version + ")";
    }
}
