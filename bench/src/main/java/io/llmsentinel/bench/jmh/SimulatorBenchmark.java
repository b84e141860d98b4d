package io.llmsentinel.bench.jmh;

import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.TrafficSimulator;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.llmsentinel.simulator.encode.RecordEncoder;
import io.llmsentinel.simulator.encode.RecordEncoders;
import java.time.Duration;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of the traffic simulator, unpaced: one operation generates the next
 * event of a run (1,000 calls/s of simulated traffic, the default incident timeline, seed 1) and
 * encodes it into records of one format, so the score is events per second. That bounds how fast
 * {@code sentinel simulate} and the bench loaders can feed a topic from one thread.
 *
 * <p>The secondary {@code bytes} metric is the encoded record bytes per second; divided by the
 * score it gives bytes per event. Each iteration starts the run anew, so all iterations see the
 * same traffic. Run: see bench/README.md.
 */
// JMH's defaults for the rest: throughput in operations per second, one thread
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatorBenchmark {
    /** Longer than an iteration can consume (some 300K events in 2 s): no restart mid-way. */
    private static final Duration RUN = Duration.ofHours(2);

    @Param({"JSON", "OTLP_PROTO", "OTLP_JSON"})
    public SourceFormat format;

    private TrafficSimulator simulator;
    private RecordEncoder encoder;

    @Setup(Level.Iteration)
    public void startRun() {
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(1)
                        .ratePerSecond(1000)
                        .duration(RUN)
                        .format(format)
                        .build();
        simulator = new SimulatorRunner().simulator(config);
        encoder = RecordEncoders.create(format, config.seed(), 0);
    }

    @Benchmark
    public void generateAndEncode(EncodedBytes out) {
        if (!simulator.hasNext()) {
            startRun();
        }
        encoder.encode(simulator.next().event(), out);
    }

    /** Counts the encoded bytes; JMH reports the public field as a rate next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class EncodedBytes implements Consumer<EncodedRecord> {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }

        @Override
        public void accept(EncodedRecord record) {
            bytes += record.value().length;
        }
    }
}
