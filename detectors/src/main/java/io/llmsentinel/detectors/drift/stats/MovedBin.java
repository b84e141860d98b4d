package io.llmsentinel.detectors.drift.stats;

/**
 * One reference-decile bin of a numeric feature with its share of the reference and of the current
 * window: what a person reads to see where the mass moved ("[1200, 1800) 10% -> 31%").
 *
 * @param lower lower edge (inclusive), 0 for the first bin
 * @param upper upper edge (exclusive), +infinity for the last bin
 * @param referenceShare count / total in the reference
 * @param currentShare count / total in the current window
 */
public record MovedBin(double lower, double upper, double referenceShare, double currentShare) {
    public double change() {
        return currentShare - referenceShare;
    }
}
