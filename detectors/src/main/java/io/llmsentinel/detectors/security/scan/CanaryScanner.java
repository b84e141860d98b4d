package io.llmsentinel.detectors.security.scan;

import io.llmsentinel.detectors.common.Redaction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds system-prompt leaks in responses: canary tokens planted in a system prompt, and fragments
 * of the system prompt itself. Both are compared after normalisation (case, accents, look-alike
 * letters; every run of spaces, punctuation and line breaks counts as one space), so a leak
 * survives re-wrapping, re-capitalisation or markdown around it. Matches respect word boundaries.
 *
 * <p>Long fragments are also indexed as overlapping windows of {@value #SHINGLE_WORDS} words, so a
 * response that quotes any {@value #MIN_QUOTED_WORDS} or more consecutive words of a long system
 * prompt is caught even if it does not quote the whole fragment.
 *
 * <p>Immutable and thread-safe; serialises as its inputs and rebuilds its automaton on load.
 */
public final class CanaryScanner implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Canaries shorter than this (after normalisation) would match ordinary words. */
    public static final int MIN_CANARY_CHARS = 4;

    /** Fragments shorter than this (after normalisation) would match ordinary sentences. */
    public static final int MIN_FRAGMENT_CHARS = 12;

    static final int SHINGLE_WORDS = 8;
    static final int SHINGLE_STEP = 4;
    static final int MIN_QUOTED_WORDS = SHINGLE_WORDS + SHINGLE_STEP - 1;

    private final List<String> canaries;
    private final List<String> fragments;
    private final transient LiteralMatcher matcher;

    private CanaryScanner(List<String> canaries, List<String> fragments) {
        this.canaries = List.copyOf(canaries);
        this.fragments = List.copyOf(fragments);
        Set<String> patterns = new LinkedHashSet<>();
        for (String canary : this.canaries) {
            String norm = normalise(Objects.requireNonNull(canary, "canary")).text();
            if (norm.length() < MIN_CANARY_CHARS) {
                throw new IllegalArgumentException(
                        "canary too short (at least " + MIN_CANARY_CHARS + " letters or digits)");
            }
            patterns.add(' ' + norm + ' ');
        }
        for (String fragment : this.fragments) {
            String norm = normalise(Objects.requireNonNull(fragment, "fragment")).text();
            if (norm.length() < MIN_FRAGMENT_CHARS) {
                throw new IllegalArgumentException(
                        "system prompt fragment too short (at least "
                                + MIN_FRAGMENT_CHARS
                                + " characters): it would match ordinary text");
            }
            patterns.add(' ' + norm + ' ');
            patterns.addAll(shingles(norm));
        }
        this.matcher = LiteralMatcher.of(new ArrayList<>(patterns));
    }

    /**
     * A scanner for the given canary tokens and system-prompt fragments (either list may be empty).
     *
     * @throws IllegalArgumentException if a canary or fragment is too short to be told apart from
     *     ordinary text (see {@link #MIN_CANARY_CHARS}, {@link #MIN_FRAGMENT_CHARS})
     */
    public static CanaryScanner of(List<String> canaries, List<String> systemPromptFragments) {
        return new CanaryScanner(
                Objects.requireNonNull(canaries, "canaries"),
                Objects.requireNonNull(systemPromptFragments, "systemPromptFragments"));
    }

    public List<String> canaries() {
        return canaries;
    }

    public List<String> systemPromptFragments() {
        return fragments;
    }

    /** Leaks in {@code response}, merged where they overlap, ordered by start offset. */
    public List<SensitiveFinding> scan(String response) {
        if (response == null || response.isEmpty() || matcher.isEmpty()) {
            return List.of();
        }
        Normalised norm = normalise(response);
        char[] padded = (' ' + norm.text() + ' ').toCharArray();
        List<int[]> spans = new ArrayList<>();
        matcher.scan(
                padded,
                0,
                padded.length,
                (pattern, end) -> {
                    // Patterns are padded with a space on each side, and so is the text: padded
                    // position p is text position p - 1, so the match covers text positions
                    // [start, end - 3] once its two spaces are dropped.
                    int start = end - matcher.patternLength(pattern);
                    spans.add(new int[] {start, end - 3});
                });
        if (spans.isEmpty()) {
            return List.of();
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<SensitiveFinding> out = new ArrayList<>();
        int[] current = null;
        for (int[] span : spans) {
            if (current != null && span[0] <= current[1]) {
                current[1] = Math.max(current[1], span[1]);
            } else {
                if (current != null) {
                    out.add(finding(response, norm, current));
                }
                current = span.clone();
            }
        }
        out.add(finding(response, norm, current));
        return out;
    }

    private static SensitiveFinding finding(String response, Normalised norm, int[] span) {
        // span is in normalised positions [first, last] (inclusive)
        int start = norm.origin[span[0]];
        int last = norm.origin[span[1]];
        int end = last + Character.charCount(response.codePointAt(last));
        String masked = Redaction.unsalted().mask(response.substring(start, end)).text();
        return new SensitiveFinding(SensitiveType.SYSTEM_PROMPT_LEAK, start, end, masked);
    }

    /** Overlapping word windows of a long fragment, each padded with spaces. */
    private static List<String> shingles(String norm) {
        String[] words = norm.split(" ");
        List<String> out = new ArrayList<>();
        if (words.length <= MIN_QUOTED_WORDS) {
            return out;
        }
        for (int from = 0; from + SHINGLE_WORDS <= words.length; from += SHINGLE_STEP) {
            out.add(
                    ' '
                            + String.join(" ", List.of(words).subList(from, from + SHINGLE_WORDS))
                            + ' ');
        }
        return out;
    }

    /** Text reduced to folded letters and digits with single spaces, and where each came from. */
    private record Normalised(String text, int[] origin) {}

    private static Normalised normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int[] origin = new int[s.length() + 16];
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            byte kind = cp < 0x80 ? CharFolding.KEEP : CharFolding.kind(cp);
            String expansion = kind == CharFolding.COMPAT_MULTI ? CharFolding.multi(cp) : null;
            int count = expansion == null ? 1 : expansion.length();
            for (int k = 0; k < count; k++) {
                char c;
                if (expansion != null) {
                    c = expansion.charAt(k);
                } else if (cp < 0x80) {
                    c = CharFolding.lowerAscii((char) cp);
                } else if (kind == CharFolding.HOMOGLYPH
                        || kind == CharFolding.COMPAT
                        || kind == CharFolding.QUIET) {
                    c = CharFolding.single(cp);
                } else if (kind == CharFolding.INVISIBLE || kind == CharFolding.MARK) {
                    continue;
                } else {
                    int lower = Character.toLowerCase(cp);
                    c = lower < 0x10000 ? (char) lower : ' ';
                }
                if (!Character.isLetterOrDigit(c)) {
                    pendingSpace = true;
                    continue;
                }
                if (out.length() + 2 > origin.length) {
                    origin = Arrays.copyOf(origin, origin.length * 2);
                }
                if (pendingSpace && out.length() > 0) {
                    origin[out.length()] = i;
                    out.append(' ');
                }
                pendingSpace = false;
                origin[out.length()] = i;
                out.append(c);
            }
            i += Character.charCount(cp);
        }
        return new Normalised(out.toString(), origin);
    }

    private Object readResolve() {
        return new CanaryScanner(canaries, fragments);
    }
}
