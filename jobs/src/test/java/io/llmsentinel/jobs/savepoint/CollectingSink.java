package io.llmsentinel.jobs.savepoint;

import io.llmsentinel.schema.Codecs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Collects a fixture run's output as JSON lines per run and kind (anomalies, events, dead letters).
 * Stateless on purpose: a fixture savepoint holds the job's state and the source position only. The
 * lists live in a static registry because the MiniCluster runs in this JVM.
 */
final class CollectingSink<T> implements Sink<T> {
    private static final Map<String, List<String>> OUTPUTS = new ConcurrentHashMap<>();

    private final String key;

    CollectingSink(String run, String kind) {
        this.key = run + "/" + kind;
        OUTPUTS.put(key, new CopyOnWriteArrayList<>());
    }

    static List<String> take(String run, String kind) {
        List<String> out = OUTPUTS.remove(run + "/" + kind);
        return out == null ? List.of() : List.copyOf(out);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<String> out = OUTPUTS.get(key);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                out.add(Codecs.toJsonString(element));
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
