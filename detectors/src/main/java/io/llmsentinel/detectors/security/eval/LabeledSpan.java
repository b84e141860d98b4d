package io.llmsentinel.detectors.security.eval;

/** A labelled entity in a PII dataset row: its type as the dataset names it and its offsets. */
public record LabeledSpan(String entityType, int start, int end) {
    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
