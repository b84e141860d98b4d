package io.llmsentinel.detectors.drift;

import java.io.Serializable;

/**
 * Tunables of the drift detector; the job builds them from its options, whose defaults are {@link
 * #DEFAULTS}.
 *
 * @param sliceMs summaries are kept per slice of this length; windows are whole slices
 * @param currentSlices slices in the current window (default 3 x 5 min = 15 min, sliding)
 * @param referenceSlices slices in the reference (default 12 x 5 min = 1 h)
 * @param referenceMode sliding (just before the current window) or pinned
 * @param pinId changing it makes every key capture a new pinned reference
 * @param allowedLatenessMs a slice is judged this long after the watermark passes its end
 * @param minSamples values each side needs before a feature is tested
 * @param minEmbeddings embedding vectors each side needs
 * @param psiWarning PSI from which a significant shift is drift (warning)
 * @param psiCritical PSI from which drift is critical
 * @param falseDiscoveryRate Benjamini-Hochberg level across one key's features per evaluation
 * @param windowsToOpen consecutive drifting evaluations that open an episode
 * @param windowsToResolve consecutive clear evaluations that resolve it
 * @param similarityDrop embedding drift when the current mean cosine similarity to the reference
 *     centroid is this fraction below the reference's own
 * @param relativeAccuracy relative bin width of the numeric histograms
 * @param maxCategories categories kept per feature and slice (the rest count as other)
 * @param reservoirSize embedding vectors kept per slice for MMD
 */
public record DriftSettings(
        long sliceMs,
        int currentSlices,
        int referenceSlices,
        ReferenceMode referenceMode,
        String pinId,
        long allowedLatenessMs,
        int minSamples,
        int minEmbeddings,
        double psiWarning,
        double psiCritical,
        double falseDiscoveryRate,
        int windowsToOpen,
        int windowsToResolve,
        double similarityDrop,
        double relativeAccuracy,
        int maxCategories,
        int reservoirSize)
        implements Serializable {

    /** The documented defaults; the job's options take theirs from here. */
    public static final DriftSettings DEFAULTS =
            new DriftSettings(
                    5 * 60_000L,
                    3,
                    12,
                    ReferenceMode.SLIDING,
                    "initial",
                    0,
                    200,
                    50,
                    0.2,
                    0.4,
                    0.01,
                    2,
                    2,
                    0.15,
                    0.02,
                    32,
                    16);

    public DriftSettings {
        if (sliceMs < 1000 || currentSlices < 1 || referenceSlices < 1) {
            throw new IllegalArgumentException("slices must be at least 1 s, windows 1 slice");
        }
        if (!(psiWarning > 0 && psiCritical >= psiWarning)) {
            throw new IllegalArgumentException("need 0 < psi warning <= psi critical");
        }
        if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
            throw new IllegalArgumentException("false discovery rate must be in (0, 1)");
        }
    }

    public static DriftSettings defaults() {
        return DEFAULTS;
    }

    public long currentMs() {
        return currentSlices * sliceMs;
    }

    public long referenceMs() {
        return referenceSlices * sliceMs;
    }

    /** Without events for this long a key has nothing left to compare and is dropped. */
    public long idleTimeoutMs() {
        return currentMs() + referenceMs() + sliceMs;
    }
}
