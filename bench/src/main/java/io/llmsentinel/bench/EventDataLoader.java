package io.llmsentinel.bench;

import io.llmsentinel.kafka.EmbeddedKafka;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.TrafficSimulator;
import io.llmsentinel.simulator.incident.Timeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills an {@code llm.events}-like topic with N canonical events straight from the simulator, as
 * ingest would have written them (JSON, keyed by event id, stamped with event time), so the
 * detector runs measure the detectors and not ingest.
 */
final class EventDataLoader {
    static final String TOPIC = "bench.events";

    /**
     * Simulated calls per second (the simulator's and the local run's default). Unlike the raw
     * datasets this shapes the output: the detectors' windows, warm-ups and minimum counts are in
     * event time, so N events are spread over N / rate seconds of traffic, e.g. 1M over 2.8 h.
     */
    static final double SIMULATED_RATE = 100;

    private EventDataLoader() {}

    static EventDataset load(EmbeddedKafka kafka, long events, long seed) {
        kafka.createTopic(TOPIC, 2, RawDataLoader.KEEP_FOREVER);
        // The default timeline spreads its incidents over the whole duration: sized so that the N
        // events cover all of it. Incidents add traffic, so the simulator usually has a few more.
        long seconds = Math.max(60, (long) Math.ceil(events / SIMULATED_RATE));
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(seed)
                        .ratePerSecond(SIMULATED_RATE)
                        .duration(Duration.ofSeconds(seconds))
                        .timeline(Timeline.defaults())
                        .build();
        TrafficSimulator simulator = new SimulatorRunner().simulator(config);
        long written = 0;
        long bytes = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka.bootstrapServers())) {
            while (written < events && simulator.hasNext()) {
                LlmEvent e = simulator.next().event();
                byte[] value = Codecs.toJsonBytes(e);
                producer.send(
                        new ProducerRecord<>(
                                TOPIC,
                                null,
                                e.eventTime,
                                e.eventId.getBytes(StandardCharsets.UTF_8),
                                value),
                        (meta, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                written++;
                bytes += value.length;
                first = Math.min(first, e.eventTime);
                last = Math.max(last, e.eventTime);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            // a lost write would show up later as a puzzling anomaly count
            throw new IllegalStateException("could not write " + TOPIC, failure.get());
        }
        // a short simulation is not an error: the report prints the real count
        long minutes = written == 0 ? 0 : Duration.ofMillis(last - first).toMinutes();
        return new EventDataset(TOPIC, written, bytes, minutes);
    }

    /** lz4 like the jobs' sinks (ingest writes the real topic so); big batches to load fast. */
    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }
}
