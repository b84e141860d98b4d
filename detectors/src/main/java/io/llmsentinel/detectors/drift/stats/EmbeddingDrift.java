package io.llmsentinel.detectors.drift.stats;

/**
 * Drift between a reference and a current set of embeddings.
 *
 * @param nReference vectors in the reference
 * @param nCurrent vectors in the current window
 * @param centroidCosineDistance {@code 1 - cos(reference centroid, current centroid)}, in [0, 2]
 * @param referenceMeanSimilarity mean cosine similarity of reference vectors to the reference
 *     centroid (exact)
 * @param currentMeanSimilarity mean cosine similarity of current vectors to the reference centroid
 *     (exact)
 * @param mmd2 unbiased squared maximum mean discrepancy on the reservoir samples with an RBF
 *     kernel; can be slightly negative when there is no drift; NaN with fewer than 2 samples on a
 *     side
 * @param bandwidth the RBF kernel's sigma used for {@code mmd2}
 */
public record EmbeddingDrift(
        long nReference,
        long nCurrent,
        double centroidCosineDistance,
        double referenceMeanSimilarity,
        double currentMeanSimilarity,
        double mmd2,
        double bandwidth) {

    /**
     * Relative drop of the mean similarity to the reference centroid, {@code (reference - current)
     * / reference}: 0.15 means the current window is 15% less similar than the reference's own
     * members are.
     */
    public double meanSimilarityDrop() {
        return (referenceMeanSimilarity - currentMeanSimilarity) / referenceMeanSimilarity;
    }
}
