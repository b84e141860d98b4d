package io.llmsentinel.cli.local;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.DeadLetter;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches the output topics the way a user would ({@code read_committed}, so only what the jobs
 * committed) and prints anomalies as they arrive plus a one-line status every few seconds.
 */
final class LiveConsole implements AutoCloseable {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String eventsTopic;
    private final String dlqTopic;
    private final String anomaliesTopic;
    private final PrintStream out;
    private final LongSupplier rawSent;
    private final Thread thread;
    private final long startedAt = System.currentTimeMillis();
    private volatile boolean running = true;

    final AtomicLong events = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();
    final Map<String, AtomicLong> anomaliesByType = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> dlqByReason = new ConcurrentHashMap<>();
    private final List<Anomaly> anomalies = new java.util.concurrent.CopyOnWriteArrayList<>();

    LiveConsole(
            String bootstrap,
            String eventsTopic,
            String dlqTopic,
            String anomaliesTopic,
            LongSupplier rawSent,
            PrintStream out) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(p);
        this.eventsTopic = eventsTopic;
        this.dlqTopic = dlqTopic;
        this.anomaliesTopic = anomaliesTopic;
        this.rawSent = rawSent;
        this.out = out;
        this.thread = new Thread(this::loop, "sentinel-live-console");
        this.thread.setDaemon(true);
    }

    /**
     * Pins the starting point to the current end of each output topic before any traffic flows, so
     * the counts cover exactly this run (a lazily joined consumer group could miss the first
     * committed batch).
     */
    void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(eventsTopic, dlqTopic, anomaliesTopic)) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread.start();
    }

    private void loop() {
        long nextStatus = System.currentTimeMillis() + 5_000;
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    handle(r);
                }
                if (System.currentTimeMillis() >= nextStatus) {
                    out.println(statusLine());
                    nextStatus += 5_000;
                }
            }
        } catch (WakeupException e) {
            // close() woke us up
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        if (r.topic().equals(eventsTopic)) {
            events.incrementAndGet();
        } else if (r.topic().equals(dlqTopic)) {
            deadLetters.incrementAndGet();
            DeadLetter d = Codecs.fromJson(r.value(), DeadLetter.class);
            dlqByReason.computeIfAbsent(d.reasonCode, k -> new AtomicLong()).incrementAndGet();
        } else {
            Anomaly a = Codecs.fromJson(r.value(), Anomaly.class);
            anomaliesByType.computeIfAbsent(a.anomalyType, k -> new AtomicLong()).incrementAndGet();
            anomalies.add(a);
            out.println(describe(a));
        }
    }

    static String describe(Anomaly a) {
        StringBuilder subject = new StringBuilder();
        for (String part :
                new String[] {
                    a.providerName, a.model, a.serviceName, a.tenantId, a.userId, a.sessionId
                }) {
            if (part != null) {
                subject.append(subject.length() == 0 ? "" : "/").append(part);
            }
        }
        return String.format(
                "%s %-8s %-9s %-28s %s%s",
                CLOCK.format(Instant.ofEpochMilli(a.detectedAt)),
                a.status.toUpperCase(),
                a.severity,
                a.anomalyType,
                subject,
                a.summary == null ? "" : "  " + a.summary);
    }

    /** Every anomaly seen so far, for the scorecard. */
    List<Anomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    String statusLine() {
        long elapsed = (System.currentTimeMillis() - startedAt) / 1000;
        Map<String, Long> anomalies = new TreeMap<>();
        anomaliesByType.forEach((k, v) -> anomalies.put(k, v.get()));
        Map<String, Long> reasons = new TreeMap<>();
        dlqByReason.forEach((k, v) -> reasons.put(k, v.get()));
        return String.format(
                "[status %02d:%02d] raw sent %,d | events %,d | DLQ %,d %s | anomalies %s",
                elapsed / 60,
                elapsed % 60,
                rawSent.getAsLong(),
                events.get(),
                deadLetters.get(),
                reasons.isEmpty() ? "" : reasons,
                anomalies.isEmpty() ? "0" : anomalies);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
