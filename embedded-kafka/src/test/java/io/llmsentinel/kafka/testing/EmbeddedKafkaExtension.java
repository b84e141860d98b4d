package io.llmsentinel.kafka.testing;

import io.llmsentinel.kafka.EmbeddedKafka;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real in-process Kafka broker ({@link EmbeddedKafka}) for the tests of one class: started before
 * the first test, stopped (and its directories deleted) after the last. Register it on a static
 * field:
 *
 * <pre>{@code
 * @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
 *
 * KAFKA.createTopics(2, "events", "anomalies");
 * KAFKA.produce("events", values);
 * List<ConsumerRecord<byte[], byte[]>> out = KAFKA.committedRecords("anomalies");
 * }</pre>
 *
 * One broker per class, not per JVM: test classes reuse topic names and transactional ids.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback {

    /**
     * Test data carries simulated event times in the past and Kafka stamps records with them, so
     * time-based retention would delete records as soon as a segment rolls.
     */
    private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1");

    private EmbeddedKafka kafka;

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = EmbeddedKafka.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** Creates topics with unlimited retention; topics that exist already are left as they are. */
    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics =
                Arrays.stream(names)
                        .map(
                                name ->
                                        new NewTopic(name, partitions, (short) 1)
                                                .configs(KEEP_FOREVER))
                        .toList();
        broker().createTopics(topics);
    }

    /**
     * Writes the values (no key, no transaction) round-robin over the topic's partitions, value i
     * to partition i modulo their number, so every run places them alike and the partitions hold
     * equal shares (a keyless producer would fill them batch by batch). Returns once the broker has
     * acknowledged all of them: they are visible to every reader then.
     */
    public void produce(String topic, List<byte[]> values) {
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        // room for the largest hostile records the ingest tests send
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        8 << 20);
        List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            int partitions = producer.partitionsFor(topic).size();
            for (int i = 0; i < values.size(); i++) {
                sent.add(
                        producer.send(
                                new ProducerRecord<>(topic, i % partitions, null, values.get(i))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get(); // done after flush; throws if the send failed
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + topic, e.getCause());
        }
    }

    /** A reader of {@code topic} as a downstream {@code read_committed} consumer sees it. */
    public TopicReader readCommitted(String topic) {
        return TopicReader.readCommitted(bootstrapServers(), topic);
    }

    /**
     * Everything committed in {@code topic}, once no transaction is open in it: for when the
     * writers are done (a job that finished, a producer that was flushed).
     */
    public List<ConsumerRecord<byte[], byte[]>> committedRecords(String topic) {
        return TopicReader.committedRecords(bootstrapServers(), topic);
    }

    private EmbeddedKafka broker() {
        if (kafka == null) {
            throw new IllegalStateException(
                    "No broker: register EmbeddedKafkaExtension on a static field");
        }
        return kafka;
    }
}
