package io.llmsentinel.detectors.latency;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one kind of quantile sketch the latency detector keeps: DDSketch with 1% relative accuracy
 * and at most {@value #MAX_BINS} bins per store. When a sketch would need more bins, the lowest
 * ones collapse, so memory is bounded and the high quantiles the rules read stay exact to 1%. 1%
 * over 1 ms to 10 minutes needs about 670 bins, so collapsing never happens for real latencies.
 *
 * <p>Encoding: {@link DDSketch#encode} with the index mapping included, read back by {@link
 * DDSketch#decode(com.datadoghq.sketch.ddsketch.encoding.Input, java.util.function.Supplier)}. Not
 * {@code serialize()}: that writes the protobuf form, which {@code decode} cannot read.
 */
public final class LatencySketches {
    public static final double RELATIVE_ACCURACY = 0.01;
    public static final int MAX_BINS = 1024;

    private LatencySketches() {}

    public static DDSketch create() {
        return DDSketches.logarithmicCollapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS);
    }

    static Store newStore() {
        return new CollapsingLowestDenseStore(MAX_BINS);
    }

    /** The sketch's own compact encoding; not self-delimiting, so callers store the length. */
    public static byte[] encode(DDSketch sketch) {
        GrowingByteArrayOutput out = GrowingByteArrayOutput.withInitialCapacity(256);
        try {
            sketch.encode(out, false);
        } catch (IOException e) {
            // GrowingByteArrayOutput writes to memory and declares IOException only by interface.
            throw new UncheckedIOException(e);
        }
        return out.trimmedCopy();
    }

    public static DDSketch decode(byte[] bytes) throws IOException {
        return DDSketch.decode(ByteArrayInput.wrap(bytes), LatencySketches::newStore);
    }

    /** An independent copy of {@code sketch} that merges nothing back into it. */
    public static DDSketch copy(DDSketch sketch) {
        return sketch.copy();
    }
}
