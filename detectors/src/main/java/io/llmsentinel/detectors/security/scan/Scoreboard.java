package io.llmsentinel.detectors.security.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the evidence of one scan and turns it into a verdict. Each family of signatures counts
 * once (its strongest match), the families' weights are summed with the library's bias into
 * log-odds, and the logistic function makes that a score in 0..1. Reused across scans of one
 * thread; {@link #reset()} before each.
 */
final class Scoreboard {
    private static final int OBFUSCATION_BITS =
            Transform.HOMOGLYPH.bit()
                    | Transform.UNICODE_COMPAT.bit()
                    | Transform.INVISIBLE_CHARS.bit()
                    | Transform.LEETSPEAK.bit()
                    | Transform.SPACED_LETTERS.bit();
    private static final int DECODING_BITS =
            Transform.BASE64.bit()
                    | Transform.HEX.bit()
                    | Transform.ROT13.bit()
                    | Transform.REVERSED.bit();

    private final SignatureLibrary library;
    private final double[] familyWeight;
    private final int[] familySignature;
    private final int[] familyStart;
    private final int[] familyEnd;
    private final int[] familyTransforms;
    private final boolean[] familySet;
    private final int[] touchedFamilies;
    private int touchedCount;
    private final boolean[] signatureSeen;
    private final int[] seenSignatures;
    private int seenCount;

    Scoreboard(SignatureLibrary library) {
        this.library = library;
        int families = library.familyCount();
        familyWeight = new double[families];
        familySignature = new int[families];
        familyStart = new int[families];
        familyEnd = new int[families];
        familyTransforms = new int[families];
        familySet = new boolean[families];
        touchedFamilies = new int[families];
        signatureSeen = new boolean[library.signatures.size()];
        seenSignatures = new int[library.signatures.size()];
    }

    SignatureLibrary library() {
        return library;
    }

    void reset() {
        for (int i = 0; i < touchedCount; i++) {
            familySet[touchedFamilies[i]] = false;
        }
        touchedCount = 0;
        for (int i = 0; i < seenCount; i++) {
            signatureSeen[seenSignatures[i]] = false;
        }
        seenCount = 0;
    }

    boolean isEmpty() {
        return seenCount == 0;
    }

    /**
     * Records a match of {@code sig} contributing {@code weight} (its weight, or a share of it for
     * graded features) at {@code [start, end)} of the original text (-1 if none).
     */
    void add(Signature sig, double weight, int start, int end, int transforms) {
        if (!signatureSeen[sig.index()]) {
            signatureSeen[sig.index()] = true;
            seenSignatures[seenCount++] = sig.index();
        }
        int f = sig.familyIndex();
        if (!familySet[f]) {
            familySet[f] = true;
            touchedFamilies[touchedCount++] = f;
        } else if (Math.abs(weight) <= Math.abs(familyWeight[f])) {
            if (weight == familyWeight[f]) {
                // The same strength without the trick: the trick was not needed.
                familyTransforms[f] &= transforms;
            }
            return;
        }
        familyWeight[f] = weight;
        familySignature[f] = sig.index();
        familyStart[f] = start;
        familyEnd[f] = end;
        familyTransforms[f] = transforms;
    }

    PromptVerdict verdict(double threshold) {
        double z = library.bias;
        double[] byCategory = new double[AttackCategory.values().length];
        int strongest = -1;
        int transforms = 0;
        for (int i = 0; i < touchedCount; i++) {
            int f = touchedFamilies[i];
            double w = familyWeight[f];
            z += w;
            if (w > 0) {
                Signature sig = library.signatures.get(familySignature[f]);
                byCategory[sig.category().ordinal()] += w;
                transforms |= familyTransforms[f];
                if (strongest < 0 || w > familyWeight[strongest]) {
                    strongest = f;
                }
            }
        }
        List<Signature> extra = new ArrayList<>(2);
        for (int c = 0; c < library.comboSignatures.length; c++) {
            if (allPositive(library.comboFamilies[c])) {
                extra.add(library.signatures.get(library.comboSignatures[c]));
            }
        }
        if ((transforms & OBFUSCATION_BITS) != 0) {
            extra.add(library.obfuscatedMatch);
        }
        if ((transforms & DECODING_BITS) != 0) {
            extra.add(library.encodedPayload);
        }
        for (Signature sig : extra) {
            z += sig.weight();
            byCategory[sig.category().ordinal()] += Math.max(0, sig.weight());
            if (!signatureSeen[sig.index()]) {
                signatureSeen[sig.index()] = true;
                seenSignatures[seenCount++] = sig.index();
            }
        }
        double score = 1.0 / (1.0 + Math.exp(-z));
        boolean attack = score >= threshold;
        AttackCategory category = AttackCategory.NONE;
        if (attack) {
            double best = 0;
            for (AttackCategory c : AttackCategory.values()) {
                if (c != AttackCategory.NONE && byCategory[c.ordinal()] > best) {
                    best = byCategory[c.ordinal()];
                    category = c;
                }
            }
        }
        return new PromptVerdict(
                score,
                attack,
                category,
                ruleIds(),
                Transform.labels(transforms),
                strongest < 0 ? -1 : familyStart[strongest],
                strongest < 0 ? -1 : familyEnd[strongest]);
    }

    private boolean allPositive(int[] families) {
        for (int f : families) {
            if (!familySet[f] || familyWeight[f] <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Every signature seen, strongest weight first (ties by id, for stable output). */
    private List<String> ruleIds() {
        Signature[] seen = new Signature[seenCount];
        for (int i = 0; i < seenCount; i++) {
            seen[i] = library.signatures.get(seenSignatures[i]);
        }
        Arrays.sort(
                seen,
                (a, b) -> {
                    int byWeight = Double.compare(b.weight(), a.weight());
                    return byWeight != 0 ? byWeight : a.id().compareTo(b.id());
                });
        List<String> ids = new ArrayList<>(seen.length);
        for (Signature s : seen) {
            ids.add(s.id());
        }
        return ids;
    }
}
