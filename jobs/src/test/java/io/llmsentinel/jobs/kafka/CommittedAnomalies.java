package io.llmsentinel.jobs.kafka;

import io.llmsentinel.kafka.testing.TopicReader;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An anomalies topic as a downstream {@code read_committed} consumer sees it, decoded: what a
 * detector job has committed so far (its checkpoints), read up to the topic's end offsets.
 */
public final class CommittedAnomalies implements AutoCloseable {
    private final TopicReader reader;
    private final List<Anomaly> decoded = new ArrayList<>();

    public CommittedAnomalies(TopicReader reader) {
        this.reader = reader;
    }

    /** Every anomaly committed so far. */
    public List<Anomaly> readToEnd() {
        return decode(reader.readToEnd());
    }

    /**
     * Every anomaly committed, once no transaction is open: for after the job has finished (stopped
     * with a savepoint or at the end of a bounded input), when this is its whole output.
     */
    public List<Anomaly> readSettled(Duration timeout) {
        return decode(reader.readSettled(timeout));
    }

    /**
     * Waits until, for each condition, some committed anomaly meets it: the job has checkpointed at
     * least that far. Returns everything committed by then.
     */
    @SafeVarargs
    public final List<Anomaly> await(
            String what, Duration timeout, Predicate<Anomaly>... conditions) {
        List<Predicate<Anomaly>> all = Arrays.asList(conditions);
        return decode(
                reader.readUntil(
                        what,
                        records -> all.stream().allMatch(c -> decode(records).stream().anyMatch(c)),
                        timeout));
    }

    /** The records decoded, each once: the reader's list only ever grows at its end. */
    private List<Anomaly> decode(List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> r : records.subList(decoded.size(), records.size())) {
            decoded.add(Codecs.fromJson(r.value(), Anomaly.class));
        }
        return List.copyOf(decoded);
    }

    @Override
    public void close() {
        reader.close();
    }
}
