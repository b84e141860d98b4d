package io.llmsentinel.detectors.drift;

/**
 * A pinned reference: the merged slices of the first reference-length of data after the pin id last
 * changed. Complete once the watermark passed {@code to}. A Flink POJO.
 */
public class PinnedReference {
    public String pinId;
    public long from;
    public long to;
    public boolean complete;
    public DriftSlice summary;

    public PinnedReference() {}
}
