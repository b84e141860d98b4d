package io.llmsentinel.detectors.latency;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of {@link MinuteSlice}, so that the sketches live in state in their compact
 * DDSketch encoding instead of falling back to Kryo (which {@code pipeline.generic-types: false}
 * forbids) or Java serialisation.
 *
 * <p>Each record starts with a format version byte. A later format adds a version and keeps reading
 * the old ones, so savepoints stay readable without a migration step; the serializer itself has no
 * configuration, so its snapshot only names the class.
 */
public final class MinuteSliceSerializer extends TypeSerializer<MinuteSlice> {
    private static final long serialVersionUID = 1L;

    public static final MinuteSliceSerializer INSTANCE = new MinuteSliceSerializer();

    static final byte FORMAT_V1 = 1;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<MinuteSlice> duplicate() {
        return this; // stateless
    }

    @Override
    public MinuteSlice createInstance() {
        return new MinuteSlice();
    }

    @Override
    public MinuteSlice copy(MinuteSlice from) {
        return from.copy();
    }

    @Override
    public MinuteSlice copy(MinuteSlice from, MinuteSlice reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(MinuteSlice s, DataOutputView out) throws IOException {
        out.writeByte(FORMAT_V1);
        out.writeLong(s.calls);
        out.writeLong(s.errors);
        out.writeLong(s.timeouts);
        out.writeInt(s.errorsByType.size());
        for (Map.Entry<String, Long> e : s.errorsByType.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
        writeSketch(s.latency, out);
        writeSketch(s.ttfc, out);
        writeSlowest(s.slowest, out);
        writeSlowest(s.slowestTtfc, out);
        out.writeInt(s.errorSamples.size());
        for (String id : s.errorSamples) {
            out.writeUTF(id);
        }
    }

    @Override
    public MinuteSlice deserialize(DataInputView in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT_V1) {
            throw new IOException("unknown MinuteSlice format " + format);
        }
        long calls = in.readLong();
        long errors = in.readLong();
        long timeouts = in.readLong();
        int types = in.readInt();
        Map<String, Long> byType = new LinkedHashMap<>();
        for (int i = 0; i < types; i++) {
            byType.put(in.readUTF(), in.readLong());
        }
        DDSketch latency = readSketch(in);
        DDSketch ttfc = readSketch(in);
        SlowestCalls slowest = readSlowest(in);
        SlowestCalls slowestTtfc = readSlowest(in);
        int samples = in.readInt();
        List<String> errorSamples = new ArrayList<>(Math.max(samples, MinuteSlice.SAMPLES));
        for (int i = 0; i < samples; i++) {
            errorSamples.add(in.readUTF());
        }
        MinuteSlice s = new MinuteSlice(latency, ttfc, byType, slowest, slowestTtfc, errorSamples);
        s.calls = calls;
        s.errors = errors;
        s.timeouts = timeouts;
        return s;
    }

    @Override
    public MinuteSlice deserialize(MinuteSlice reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    // An empty sketch is written as length 0: most keys have no streaming calls, and an encoded
    // empty sketch still costs its index mapping.
    private static void writeSketch(DDSketch sketch, DataOutputView out) throws IOException {
        if (sketch.isEmpty()) {
            out.writeInt(0);
            return;
        }
        byte[] bytes = LatencySketches.encode(sketch);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static DDSketch readSketch(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length == 0) {
            return LatencySketches.create();
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return LatencySketches.decode(bytes);
    }

    private static void writeSlowest(SlowestCalls calls, DataOutputView out) throws IOException {
        out.writeInt(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            out.writeUTF(calls.id(i));
            out.writeDouble(calls.value(i));
        }
    }

    private static SlowestCalls readSlowest(DataInputView in) throws IOException {
        int size = in.readInt();
        SlowestCalls calls = new SlowestCalls(Math.max(size, MinuteSlice.SAMPLES));
        for (int i = 0; i < size; i++) {
            calls.offer(in.readUTF(), in.readDouble());
        }
        return calls;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MinuteSliceSerializer;
    }

    @Override
    public int hashCode() {
        return MinuteSliceSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<MinuteSlice> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Written into checkpoints and savepoints; restores this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MinuteSlice> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
