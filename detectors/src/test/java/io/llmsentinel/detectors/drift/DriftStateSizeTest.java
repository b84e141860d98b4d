package io.llmsentinel.detectors.drift;

import static io.llmsentinel.detectors.drift.DriftTraffic.MINUTE;
import static io.llmsentinel.detectors.drift.DriftTraffic.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.LlmEvent;
import java.util.SplittableRandom;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Bytes a key's drift state costs, serialised as the state backend stores it: one slice summary
 * (five minutes of a key's traffic) at two traffic levels, and the whole key (current and reference
 * slices). Ten times the traffic must not mean ten times the state.
 */
class DriftStateSizeTest {
    static final TypeSerializer<DriftSlice> SERIALIZER =
            TypeInformation.of(DriftSlice.class).createSerializer(new SerializerConfigImpl());

    static long sliceBytes(long gapMs, boolean embeddings) throws Exception {
        DriftSlice slice = DriftSlice.empty(DriftSettings.defaults());
        SplittableRandom rng = new SplittableRandom(3);
        for (LlmEvent e : DriftTraffic.calls(1, T0, T0 + 5 * MINUTE, gapMs, DriftTraffic.none())) {
            e.responseText = "x".repeat(200 + rng.nextInt(3000));
            if (embeddings) {
                e.embedding = new float[384];
                for (int i = 0; i < e.embedding.length; i++) {
                    e.embedding[i] = (float) rng.nextGaussian();
                }
            }
            slice.add(e);
        }
        DataOutputSerializer out = new DataOutputSerializer(4096);
        SERIALIZER.serialize(slice, out);
        return out.length();
    }

    @Test
    void aSliceIsBoundedAndAKeyCostsTensOfKilobytes() throws Exception {
        long quiet = sliceBytes(1000, false); // 300 calls per slice
        long busy = sliceBytes(100, false); // 3,000 calls per slice
        long withEmbeddings = sliceBytes(1000, true); // 384-dimensional vectors
        int slicesPerKey =
                DriftSettings.defaults().currentSlices()
                        + DriftSettings.defaults().referenceSlices()
                        + 1;
        System.out.printf(
                "drift state: slice %,d B at 1 call/s, %,d B at 10 calls/s, %,d B with"
                        + " 384-d embeddings; per key (%d slices) %,d B, %,d B, %,d B%n",
                quiet,
                busy,
                withEmbeddings,
                slicesPerKey,
                quiet * slicesPerKey,
                busy * slicesPerKey,
                withEmbeddings * slicesPerKey);
        assertThat(busy).isLessThan(2 * quiet);
        assertThat(quiet * slicesPerKey).isLessThan(200_000);
    }
}
