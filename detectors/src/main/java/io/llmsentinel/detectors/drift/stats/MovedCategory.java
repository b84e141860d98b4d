package io.llmsentinel.detectors.drift.stats;

/**
 * One category's share in the reference and in the current window (raw shares, no floor).
 *
 * @param category the category, or {@link CategoryCounts#OTHER} for the folded tail
 * @param referenceShare count / total in the reference
 * @param currentShare count / total in the current window
 */
public record MovedCategory(String category, double referenceShare, double currentShare) {
    /** Current minus reference share. */
    public double change() {
        return currentShare - referenceShare;
    }
}
