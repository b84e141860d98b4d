package io.llmsentinel.detectors.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Bytes per summary through Flink's own (POJO) serializer, as they sit in keyed state; the sizes
 * are printed (and copied into docs/drift-statistics.md) and bounded here. Each summary also
 * survives the round trip.
 */
class SerializedSizeTest {

    @Test
    void numericHistogramSizes() throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        NumericHistogram latency = new NumericHistogram();
        NumericHistogram wideLatency = new NumericHistogram();
        NumericHistogram tokens = new NumericHistogram();
        NumericHistogram full = new NumericHistogram();
        for (int i = 0; i < 100_000; i++) {
            latency.add(Math.exp(6 + 0.5 * random.nextGaussian()));
            wideLatency.add(Math.exp(6 + 1.5 * random.nextGaussian()));
            tokens.add(Math.round(300 + 17 * random.nextGaussian()));
            full.add(Math.exp(random.nextDouble(-20, 70)));
        }

        int latencyBytes = roundTrip(latency, NumericHistogram.class).length;
        int wideBytes = roundTrip(wideLatency, NumericHistogram.class).length;
        int tokenBytes = roundTrip(tokens, NumericHistogram.class).length;
        int fullBytes = roundTrip(full, NumericHistogram.class).length;
        System.out.printf(
                "NumericHistogram: latency lognormal(6, 0.5) %d bins %d B; lognormal(6, 1.5) %d"
                        + " bins %d B; tokens ~N(300, 17) %d bins %d B; full (%d bins) %d B%n",
                latency.occupiedBins(),
                latencyBytes,
                wideLatency.occupiedBins(),
                wideBytes,
                tokens.occupiedBins(),
                tokenBytes,
                full.occupiedBins(),
                fullBytes);

        assertThat(latencyBytes).isLessThan(4_000);
        assertThat(tokenBytes).isLessThan(1_000);
        assertThat(full.occupiedBins()).isEqualTo(NumericHistogram.DEFAULT_MAX_BINS);
        assertThat(fullBytes).isLessThan(12 * NumericHistogram.DEFAULT_MAX_BINS + 200);
        NumericHistogram back =
                deserialize(roundTrip(latency, NumericHistogram.class), NumericHistogram.class);
        assertThat(HistogramDriftStatistics.compute(back, latency).ksStatistic()).isZero();
        assertThat(back.binCounts).containsExactly(latency.binCounts);
    }

    @Test
    void categoryCountsSizes() throws IOException {
        CategoryCounts models = new CategoryCounts();
        String[] names = {
            "gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "gemini-2.5-pro", "llama-3.1-70b"
        };
        for (int i = 0; i < 10_000; i++) {
            models.add(names[i % names.length]);
        }
        CategoryCounts full = new CategoryCounts();
        for (int i = 0; i < 2 * CategoryCounts.DEFAULT_MAX_CATEGORIES; i++) {
            full.add(String.format("%0128d", i));
        }

        int modelBytes = roundTrip(models, CategoryCounts.class).length;
        int fullBytes = roundTrip(full, CategoryCounts.class).length;
        System.out.printf(
                "CategoryCounts: 5 model names %d B; worst case (%d names of %d chars) %d B%n",
                modelBytes, full.categories.length, CategoryCounts.MAX_NAME_LENGTH, fullBytes);

        assertThat(modelBytes).isLessThan(200);
        assertThat(fullBytes).isLessThan(2 * 64 * (130 + 8) + 100);
        CategoryCounts back =
                deserialize(roundTrip(models, CategoryCounts.class), CategoryCounts.class);
        assertThat(back.asMap()).isEqualTo(models.asMap());
    }

    @Test
    void embeddingSummarySizes() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        for (int dim : new int[] {384, 1536}) {
            EmbeddingSummary s = new EmbeddingSummary();
            for (int i = 0; i < 1_000; i++) {
                float[] v = new float[dim];
                for (int d = 0; d < dim; d++) {
                    v[d] = (float) random.nextGaussian();
                }
                s.add(v);
            }
            byte[] bytes = roundTrip(s, EmbeddingSummary.class);
            System.out.printf(
                    "EmbeddingSummary: dimension %d, reservoir %d: %d B%n",
                    dim, s.reservoirSize, bytes.length);

            long payload = 4L * dim * s.reservoirCapacity + 16L * dim;
            assertThat(bytes.length).isBetween((int) payload, (int) payload + 200);
            EmbeddingSummary back = deserialize(bytes, EmbeddingSummary.class);
            assertThat(back.reservoir).containsExactly(s.reservoir);
            assertThat(back.rngState).isEqualTo(s.rngState);
        }
    }

    private static <T> byte[] roundTrip(T value, Class<T> type) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer(type).serialize(value, out);
        return out.getCopyOfBuffer();
    }

    private static <T> T deserialize(byte[] bytes, Class<T> type) throws IOException {
        return serializer(type).deserialize(new DataInputDeserializer(bytes));
    }

    private static <T> TypeSerializer<T> serializer(Class<T> type) {
        return TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }
}
