package io.llmsentinel.detectors.drift;

import io.llmsentinel.schema.LlmEvent;

/**
 * The drift features of one event, extracted once: what the function buffers between folds into the
 * slice summaries. Appending a row to list state is a blind write, where updating a slice summary
 * per event would read and rewrite kilobytes of histograms. A Flink POJO.
 */
public class DriftRow {
    public long sliceStart;

    /** By {@link NumericFeature#ordinal()}; NaN where the event does not carry the feature. */
    public double[] numeric;

    /** By {@link CategoricalFeature#ordinal()}; null where the event says nothing. */
    public String[] categorical;

    public float[] embedding;

    public DriftRow() {}

    public static DriftRow of(LlmEvent e, long sliceStart) {
        DriftRow r = new DriftRow();
        r.sliceStart = sliceStart;
        NumericFeature[] nf = NumericFeature.values();
        r.numeric = new double[nf.length];
        for (NumericFeature f : nf) {
            r.numeric[f.ordinal()] = f.value(e);
        }
        CategoricalFeature[] cf = CategoricalFeature.values();
        r.categorical = new String[cf.length];
        for (CategoricalFeature f : cf) {
            r.categorical[f.ordinal()] = f.value(e);
        }
        r.embedding = e.embedding != null && e.embedding.length > 0 ? e.embedding : null;
        return r;
    }
}
