package io.llmsentinel.detectors.drift;

import io.llmsentinel.detectors.drift.stats.CategoryCounts;
import io.llmsentinel.detectors.drift.stats.EmbeddingSummary;
import io.llmsentinel.detectors.drift.stats.NumericHistogram;
import io.llmsentinel.schema.LlmEvent;

/**
 * The summaries of one key's events in one slice of time, one per feature, each bounded (log-bin
 * histograms, top-K category counts, an embedding centroid and reservoir), so a slice's size does
 * not grow with the key's traffic. Windows are merges of slices. A Flink POJO.
 */
public class DriftSlice {
    public long events;

    /**
     * Whether the key was drifting when this slice was in the current window. Such slices stay out
     * of later sliding references: otherwise the end of an incident would read as a second drift,
     * back to normal, against a reference full of the incident.
     */
    public boolean drifting;

    /** Indexed by {@link NumericFeature#ordinal()}. */
    public NumericHistogram[] numeric;

    /** Indexed by {@link CategoricalFeature#ordinal()}. */
    public CategoryCounts[] categorical;

    /** Centroid sums and a seeded reservoir of the events' embedding vectors, if they carry any. */
    public EmbeddingSummary embedding;

    public DriftSlice() {}

    public static DriftSlice empty(DriftSettings settings) {
        DriftSlice s = new DriftSlice();
        s.numeric = new NumericHistogram[NumericFeature.values().length];
        for (int i = 0; i < s.numeric.length; i++) {
            s.numeric[i] = new NumericHistogram(settings.relativeAccuracy(), 512);
        }
        s.categorical = new CategoryCounts[CategoricalFeature.values().length];
        for (int i = 0; i < s.categorical.length; i++) {
            s.categorical[i] = new CategoryCounts(settings.maxCategories());
        }
        s.embedding = new EmbeddingSummary(settings.reservoirSize(), EmbeddingSummary.DEFAULT_SEED);
        return s;
    }

    public void add(LlmEvent e) {
        add(DriftRow.of(e, 0));
    }

    public void add(DriftRow row) {
        events++;
        for (int i = 0; i < numeric.length; i++) {
            if (!Double.isNaN(row.numeric[i])) {
                numeric[i].add(row.numeric[i]);
            }
        }
        for (int i = 0; i < categorical.length; i++) {
            if (row.categorical[i] != null) {
                categorical[i].add(row.categorical[i]);
            }
        }
        if (row.embedding != null) {
            embedding.add(row.embedding);
        }
    }

    public void merge(DriftSlice other) {
        events += other.events;
        for (int i = 0; i < numeric.length; i++) {
            numeric[i].merge(other.numeric[i]);
        }
        for (int i = 0; i < categorical.length; i++) {
            categorical[i].merge(other.categorical[i]);
        }
        embedding.merge(other.embedding);
    }
}
