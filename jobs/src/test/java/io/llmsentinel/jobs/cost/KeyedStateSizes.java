package io.llmsentinel.jobs.cost;

import io.llmsentinel.detectors.cost.BudgetPeriodState;
import io.llmsentinel.detectors.cost.FinishLengthState;
import io.llmsentinel.detectors.cost.LengthWindow;
import io.llmsentinel.detectors.cost.SessionState;
import io.llmsentinel.detectors.cost.SpendState;
import io.llmsentinel.detectors.cost.SpendWindow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * Reads the cost job's keyed state out of a savepoint (state processor API) and reports the bytes
 * each key holds: the key, the serialised value state and every map entry, as the state backend
 * stores them, plus the key's timers.
 */
final class KeyedStateSizes {
    private KeyedStateSizes() {}

    /** One key's state. A POJO, collected from the reading job. */
    public static final class KeySize {
        public String operator;
        public long bytes;
        public int timers;

        public KeySize() {}
    }

    /** Per operator: keys, mean and max bytes per key, timers per key. */
    record Summary(String operator, int keys, double meanBytes, long maxBytes, double timers) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-20s %6d keys  %6.0f bytes/key (max %5d)  %.2f timers/key",
                    operator,
                    keys,
                    meanBytes,
                    maxBytes,
                    timers);
        }
    }

    /** Reads all six keyed operators of the cost job in one batch job. */
    static List<Summary> read(String savepoint) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        SavepointReader reader = SavepointReader.read(env, savepoint, new HashMapStateBackend());
        DataStream<KeySize> all =
                windowed(reader, "cost-spend-tenant", SpendState.class, SpendWindow.class)
                        .union(
                                windowed(
                                        reader,
                                        "cost-spend-user",
                                        SpendState.class,
                                        SpendWindow.class),
                                windowed(
                                        reader,
                                        "cost-spend-model",
                                        SpendState.class,
                                        SpendWindow.class),
                                windowed(
                                        reader,
                                        "cost-finish-length",
                                        FinishLengthState.class,
                                        LengthWindow.class),
                                reader.readKeyedState(
                                        OperatorIdentifier.forUid("cost-session"),
                                        new SizeReader(
                                                "cost-session",
                                                "session",
                                                SessionState.class,
                                                null,
                                                null,
                                                null)),
                                reader.readKeyedState(
                                        OperatorIdentifier.forUid("cost-budget"),
                                        new SizeReader(
                                                "cost-budget",
                                                null,
                                                null,
                                                "periods",
                                                String.class,
                                                BudgetPeriodState.class)));
        Map<String, List<KeySize>> byOperator = new LinkedHashMap<>();
        try (CloseableIterator<KeySize> it = all.executeAndCollect("read cost state sizes")) {
            it.forEachRemaining(
                    k -> byOperator.computeIfAbsent(k.operator, o -> new ArrayList<>()).add(k));
        }
        List<Summary> out = new ArrayList<>();
        byOperator.forEach(
                (operator, sizes) ->
                        out.add(
                                new Summary(
                                        operator,
                                        sizes.size(),
                                        sizes.stream().mapToLong(k -> k.bytes).average().orElse(0),
                                        sizes.stream().mapToLong(k -> k.bytes).max().orElse(0),
                                        sizes.stream()
                                                .mapToInt(k -> k.timers)
                                                .average()
                                                .orElse(0))));
        return out;
    }

    private static DataStream<KeySize> windowed(
            SavepointReader reader, String uid, Class<?> stateClass, Class<?> windowClass)
            throws IOException {
        return reader.readKeyedState(
                OperatorIdentifier.forUid(uid),
                new SizeReader(uid, "state", stateClass, "windows", Long.class, windowClass));
    }

    static Map<String, Summary> byOperator(List<Summary> summaries) {
        Map<String, Summary> m = new LinkedHashMap<>();
        summaries.forEach(s -> m.put(s.operator(), s));
        return m;
    }

    /** Serialises every state entry of a key with the serializer the job used. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final class SizeReader extends KeyedStateReaderFunction<String, KeySize> {
        private final String operator;
        private final String valueName;
        private final Class<?> valueClass;
        private final String mapName;
        private final Class<?> mapKeyClass;
        private final Class<?> mapValueClass;

        private transient ValueStateDescriptor valueDescriptor;
        private transient ValueState value;
        private transient MapStateDescriptor mapDescriptor;
        private transient MapState map;

        SizeReader(
                String operator,
                String valueName,
                Class<?> valueClass,
                String mapName,
                Class<?> mapKeyClass,
                Class<?> mapValueClass) {
            this.operator = operator;
            this.valueName = valueName;
            this.valueClass = valueClass;
            this.mapName = mapName;
            this.mapKeyClass = mapKeyClass;
            this.mapValueClass = mapValueClass;
        }

        @Override
        public void open(OpenContext openContext) {
            if (valueClass != null) {
                valueDescriptor = new ValueStateDescriptor(valueName, valueClass);
                value = getRuntimeContext().getState(valueDescriptor);
            }
            if (mapValueClass != null) {
                mapDescriptor = new MapStateDescriptor(mapName, mapKeyClass, mapValueClass);
                map = getRuntimeContext().getMapState(mapDescriptor);
            }
        }

        @Override
        public void readKey(String key, Context ctx, Collector<KeySize> out) throws Exception {
            DataOutputSerializer buffer = new DataOutputSerializer(1024);
            long bytes = size(buffer, StringSerializer.INSTANCE, key);
            if (value != null && value.value() != null) {
                bytes += size(buffer, valueDescriptor.getSerializer(), value.value());
            }
            if (map != null) {
                for (Object o : map.entries()) {
                    Map.Entry e = (Map.Entry) o;
                    bytes += size(buffer, mapDescriptor.getKeySerializer(), e.getKey());
                    bytes += size(buffer, mapDescriptor.getValueSerializer(), e.getValue());
                }
            }
            KeySize s = new KeySize();
            s.operator = operator;
            s.bytes = bytes;
            s.timers = ctx.registeredEventTimeTimers().size();
            out.collect(s);
        }

        private static long size(DataOutputSerializer buffer, TypeSerializer serializer, Object o)
                throws IOException {
            buffer.clear();
            serializer.serialize(o, buffer);
            return buffer.length();
        }
    }
}
