package io.llmsentinel.kafka.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning up to its end offsets as a consumer of the given isolation level
 * sees them, and no further: for {@code read_committed} the end offsets are the last stable
 * offsets, so {@link #readToEnd()} returns exactly what has been committed so far, each record
 * once. Reading stops at the end offsets, not after a quiet period, so nothing committed is missed
 * and nothing is waited for in vain.
 *
 * <p>Commit markers reach the partitions a moment after {@code commitTransaction} returns, so right
 * after a job has finished its last transaction may not be visible yet: {@link #readSettled} waits
 * for that (until no transaction is open in the topic) before reading.
 *
 * <p>The reader keeps its position: each read continues where the last one stopped and returns
 * everything read since the reader was opened.
 */
public final class TopicReader implements AutoCloseable {
    /** Upper bound for one read to the end offsets; the records are there, so this is generous. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** How long one poll may block while waiting for new records in {@link #readUntil}. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final Admin admin;

    private TopicReader(String bootstrapServers, String topic, IsolationLevel isolation) {
        this.topic = topic;
        this.admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                isolation.toString().toLowerCase(Locale.ROOT),
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                                ByteArrayDeserializer.class,
                                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                                ByteArrayDeserializer.class));
        // Assigned, not subscribed: no group, no rebalance, every partition from offset 0.
        this.partitions =
                consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A reader that sees what a downstream {@code read_committed} consumer sees. */
    public static TopicReader readCommitted(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, IsolationLevel.READ_COMMITTED);
    }

    /** A reader that also sees records of open and aborted transactions. */
    public static TopicReader readUncommitted(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * Everything committed in {@code topic} once no transaction is open in it, read by a fresh
     * reader: for when the writers are done (a job that finished, a producer that was flushed).
     */
    public static List<ConsumerRecord<byte[], byte[]>> committedRecords(
            String bootstrapServers, String topic) {
        try (TopicReader reader = readCommitted(bootstrapServers, topic)) {
            return reader.readSettled(READ_TIMEOUT);
        }
    }

    /**
     * Reads up to the end offsets as they are now, and returns every record read since this reader
     * was opened (each partition's in offset order). Records past those end offsets (committed
     * while reading) are left for the next call, so the result is a snapshot of the topic.
     */
    public List<ConsumerRecord<byte[], byte[]>> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Set<TopicPartition> behind = behind(end);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!behind.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Could not read " + topic + " to its end offsets " + end);
            }
            consumer.resume(behind);
            consumer.pause(notIn(behind));
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
            for (TopicPartition tp : batch.partitions()) {
                for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                    if (r.offset() >= end.get(tp)) {
                        // committed after the snapshot: read it again next time
                        consumer.seek(tp, r.offset());
                        break;
                    }
                    records.add(r);
                }
            }
            behind = behind(end);
        }
        return List.copyOf(records);
    }

    /**
     * Reads to the end offsets again and again until the records read so far satisfy {@code done},
     * and returns them. Between two reads it waits in the broker (a long poll that returns as soon
     * as a new record is visible), not for a fixed time.
     *
     * @throws AssertionError naming {@code what} if {@code done} is not met within {@code timeout}
     */
    public List<ConsumerRecord<byte[], byte[]>> readUntil(
            String what, Predicate<List<ConsumerRecord<byte[], byte[]>>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<byte[], byte[]>> all = readToEnd();
            if (done.test(all)) {
                return all;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Timed out after "
                                + timeout
                                + " waiting for "
                                + what
                                + " in "
                                + topic
                                + "; "
                                + all.size()
                                + " records read");
            }
            awaitNewRecords();
        }
    }

    /**
     * Waits until no transaction is open in the topic (every partition's last stable offset has
     * reached its high watermark, so every record written is committed or aborted), then reads to
     * the end offsets. With the writers done this is everything the topic will hold.
     *
     * @throws AssertionError if a transaction is still open after {@code timeout}, e.g. one a
     *     cancelled job left behind (it stays open until the transaction timeout)
     */
    public List<ConsumerRecord<byte[], byte[]>> readSettled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<TopicPartition, Long> stable = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> written = highWatermarks();
            if (stable.equals(written)) {
                return readToEnd();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "A transaction is still open in "
                                + topic
                                + " after "
                                + timeout
                                + ": last stable offsets "
                                + stable
                                + ", high watermarks "
                                + written);
            }
            awaitNewRecords();
        }
    }

    private Map<TopicPartition, Long> highWatermarks() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all()
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing offsets of " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not list the offsets of " + topic, e);
        }
    }

    /**
     * Blocks until a record past the current position is visible, or for one poll at most: the
     * broker answers as soon as there is something to read.
     */
    private void awaitNewRecords() {
        consumer.resume(partitions);
        consumer.poll(POLL).forEach(records::add);
    }

    private Set<TopicPartition> behind(Map<TopicPartition, Long> end) {
        Set<TopicPartition> behind = new HashSet<>();
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < end.get(tp)) {
                behind.add(tp);
            }
        }
        return behind;
    }

    private Set<TopicPartition> notIn(Set<TopicPartition> some) {
        Set<TopicPartition> others = new HashSet<>(partitions);
        others.removeAll(some);
        return others;
    }

    @Override
    public void close() {
        consumer.close();
        admin.close();
    }
}
