package io.llmsentinel.jobs.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.latency.LatencyDetectorFunction;
import io.llmsentinel.detectors.latency.LatencyKeyState;
import io.llmsentinel.detectors.latency.LatencySettings;
import io.llmsentinel.detectors.latency.MinuteSlice;
import io.llmsentinel.detectors.latency.MinuteSliceSerializer;
import io.llmsentinel.detectors.latency.RouteKeySelector;
import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How much state a key costs: the detector in a harness over simulated traffic, then every key's
 * state serialised with the serializers Flink uses for it. Four times the traffic must not mean
 * more state: sketches and samples are bounded, only the counts grow.
 */
class LatencyStateSizeTest {
    record Size(int keys, long maxBytes, double meanBytes, double keyStateBytes, double slices) {}

    @Test
    @Timeout(60)
    void statePerKeyIsSmallAndDoesNotGrowWithTraffic() throws Exception {
        Size hour = measure(traffic(40, Duration.ofMinutes(60)));
        Size busy = measure(traffic(160, Duration.ofMinutes(15)));
        for (var e : Map.of("1 h at 40 calls/s", hour, "15 min at 160 calls/s", busy).entrySet()) {
            Size s = e.getValue();
            System.out.printf(
                    "latency state after %s: %d keys, %.0f bytes per key on average (max %d):"
                            + " key state %.0f B + %.1f minute slices%n",
                    e.getKey(),
                    s.keys(),
                    s.meanBytes(),
                    s.maxBytes(),
                    s.keyStateBytes(),
                    s.slices());
        }
        assertThat(hour.keys()).isEqualTo(10);
        assertThat(hour.maxBytes()).isLessThan(16_000);
        assertThat(busy.meanBytes()).isLessThan(hour.meanBytes() * 1.3);
    }

    static SimulatedScenario traffic(double rate, Duration duration) {
        return new SimulatedScenario(3, rate, duration, "none").withoutContent();
    }

    static Size measure(SimulatedScenario traffic) throws Exception {
        LatencySettings settings = LatencySettings.defaults();
        try (KeyedOneInputStreamOperatorTestHarness<String, LlmEvent, Anomaly> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new LatencyDetectorFunction(settings)),
                        new RouteKeySelector(settings.dimensions()),
                        Types.STRING)) {
            harness.open();
            AtomicLong watermark = new AtomicLong(Long.MIN_VALUE);
            traffic.forEach(
                    e -> {
                        try {
                            harness.processElement(e, e.eventTime);
                            long w = e.eventTime - 30_000;
                            if (w / 60_000 > watermark.get() / 60_000) {
                                watermark.set(w);
                                harness.processWatermark(w);
                            }
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        }
                    });
            return sizes(harness.getOperator().getKeyedStateBackend());
        }
    }

    static Size sizes(KeyedStateBackend<String> backend) throws Exception {
        TypeSerializer<LatencyKeyState> keyStateSerializer =
                Types.POJO(LatencyKeyState.class).createSerializer(new SerializerConfigImpl());
        Map<String, long[]> perKey = new java.util.TreeMap<>();
        backend.applyToAllKeys(
                VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                LatencyDetectorFunction.keyStateDescriptor(),
                (String key, ValueState<LatencyKeyState> state) -> {
                    DataOutputSerializer out = new DataOutputSerializer(1024);
                    keyStateSerializer.serialize(state.value(), out);
                    perKey.computeIfAbsent(key, k -> new long[3])[0] += out.length();
                });
        backend.applyToAllKeys(
                VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                LatencyDetectorFunction.slicesDescriptor(),
                (String key, MapState<Long, MinuteSlice> state) -> {
                    long[] sizes = perKey.computeIfAbsent(key, k -> new long[3]);
                    for (MinuteSlice slice : state.values()) {
                        DataOutputSerializer out = new DataOutputSerializer(1024);
                        MinuteSliceSerializer.INSTANCE.serialize(slice, out);
                        sizes[1] += Long.BYTES + out.length();
                        sizes[2]++;
                    }
                });
        long max = perKey.values().stream().mapToLong(s -> s[0] + s[1]).max().orElse(0);
        double mean = perKey.values().stream().mapToLong(s -> s[0] + s[1]).average().orElse(0);
        double keyState = perKey.values().stream().mapToLong(s -> s[0]).average().orElse(0);
        double slices = perKey.values().stream().mapToLong(s -> s[2]).average().orElse(0);
        return new Size(perKey.size(), max, mean, keyState, slices);
    }
}
