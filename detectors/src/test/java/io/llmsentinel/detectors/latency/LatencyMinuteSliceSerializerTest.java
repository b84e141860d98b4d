package io.llmsentinel.detectors.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class LatencyMinuteSliceSerializerTest {
    final MinuteSliceSerializer serializer = MinuteSliceSerializer.INSTANCE;

    static MinuteSlice busySlice() {
        TestCalls calls = TestCalls.route(1);
        MinuteSlice s = new MinuteSlice();
        for (int i = 0; i < 2000; i++) {
            s.add(calls.ok(TestCalls.T0 + i, 2000, 0.5));
        }
        for (int i = 0; i < 12; i++) {
            s.add(calls.error(TestCalls.T0 + i, "type-" + i)); // more types than kept
        }
        s.add(calls.error(TestCalls.T0, "timeout"));
        return s;
    }

    static byte[] write(MinuteSlice s) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        MinuteSliceSerializer.INSTANCE.serialize(s, out);
        return out.getCopyOfBuffer();
    }

    static MinuteSlice read(TypeSerializer<MinuteSlice> serializer, byte[] bytes) throws Exception {
        return serializer.deserialize(new DataInputDeserializer(bytes));
    }

    @Test
    void roundTripKeepsCountsSketchesAndSamples() throws Exception {
        MinuteSlice s = busySlice();
        MinuteSlice back = read(serializer, write(s));

        assertThat(back).isEqualTo(s);
        assertThat(back.calls()).isEqualTo(2013);
        assertThat(back.errors()).isEqualTo(13);
        assertThat(back.timeouts()).isEqualTo(1);
        assertThat(back.errorsByType()).hasSize(MinuteSlice.MAX_ERROR_TYPES + 1);
        assertThat(back.errorsByType().get(MinuteSlice.OTHER_ERRORS)).isEqualTo(5);
        assertThat(back.latency().getValueAtQuantile(0.99))
                .isEqualTo(s.latency().getValueAtQuantile(0.99));
        assertThat(back.ttfc().getCount()).isEqualTo(2000);
        assertThat(back.slowest().ids()).hasSize(MinuteSlice.SAMPLES);
        // the sample is the exact slowest value; the sketch's maximum is exact to its 1% accuracy
        assertThat(back.slowest().value(0))
                .isCloseTo(s.latency().getMaxValue(), withinPercentage(1.5));
        assertThat(back.errorSamples()).hasSize(MinuteSlice.SAMPLES);
    }

    @Test
    void sketchesStayAccurateToOnePercent() throws Exception {
        MinuteSlice s = new MinuteSlice();
        LlmEvent e = new LlmEvent();
        for (int i = 1; i <= 10_000; i++) {
            e.latencyMs = i;
            e.status = LlmEvent.STATUS_OK;
            s.add(e);
        }
        MinuteSlice back = read(serializer, write(s));
        assertThat(back.latency().getValueAtQuantile(0.95)).isCloseTo(9500, within(95.0));
        assertThat(back.latency().getValueAtQuantile(0.5)).isCloseTo(5000, within(50.0));
    }

    @Test
    void emptySliceRoundTripsAndIsSmall() throws Exception {
        byte[] bytes = write(new MinuteSlice());
        assertThat(read(serializer, bytes)).isEqualTo(new MinuteSlice());
        assertThat(bytes.length).isLessThan(64);
    }

    @Test
    void busySliceStaysSmall() throws Exception {
        // 2000 calls cost a few hundred bytes of sketch, not 2000 values
        assertThat(write(busySlice()).length).isLessThan(2_500);
    }

    @Test
    void copiesAreIndependent() {
        MinuteSlice s = busySlice();
        MinuteSlice copy = serializer.copy(s);
        copy.add(TestCalls.route(2).ok(TestCalls.T0, 99_000, 0));
        assertThat(copy.calls()).isEqualTo(s.calls() + 1);
        assertThat(s.latency().getMaxValue()).isLessThan(99_000);
    }

    @Test
    void copyBetweenViewsKeepsTheRecord() throws Exception {
        MinuteSlice s = busySlice();
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.copy(new DataInputDeserializer(write(s)), out);
        assertThat(read(serializer, out.getCopyOfBuffer())).isEqualTo(s);
    }

    @Test
    void snapshotRestoresASerializerThatReadsOldBytes() throws Exception {
        byte[] data = write(busySlice());
        DataOutputSerializer snapshotOut = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(
                snapshotOut, serializer.snapshotConfiguration());

        TypeSerializerSnapshot<MinuteSlice> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(snapshotOut.getCopyOfBuffer()),
                        getClass().getClassLoader());
        TypeSerializerSchemaCompatibility<MinuteSlice> compatibility =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);

        assertThat(compatibility.isCompatibleAsIs()).isTrue();
        assertThat(read(restored.restoreSerializer(), data)).isEqualTo(busySlice());
    }

    @Test
    void unknownFormatIsRejected() {
        byte[] bytes = {99};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(serializer, bytes))
                .hasMessageContaining("unknown MinuteSlice format 99");
    }
}
