package io.llmsentinel.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.kafka.testing.EmbeddedKafkaExtension;
import io.llmsentinel.kafka.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reader every broker test relies on: it stops at the last stable offsets, so a transaction
 * left open (a cancelled job's) neither shows nor blocks a read, and it sees what commits later.
 */
@Timeout(120)
class TopicReaderIT {
    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    void readsWhatIsCommittedUpToAnOpenTransactionAndTheRestOnceItCommits() {
        KAFKA.createTopics(1, "reader.open-tx");
        KAFKA.produce("reader.open-tx", List.of(bytes("plain-0"), bytes("plain-1")));
        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer("reader-open");
                TopicReader reader = KAFKA.readCommitted("reader.open-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("reader.open-tx", bytes("tx-0")));
            producer.flush();
            // records after the open transaction's first offset are past the last stable offset
            KAFKA.produce("reader.open-tx", List.of(bytes("plain-2")));

            assertThat(values(reader.readToEnd())).containsExactly("plain-0", "plain-1");
            assertThat(values(reader.readToEnd())).as("read again: no duplicate").hasSize(2);
            assertThatThrownBy(() -> reader.readSettled(Duration.ofMillis(500)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("still open");

            producer.commitTransaction();
            // the commit marker is written after commitTransaction returns: readSettled waits
            assertThat(values(reader.readSettled(Duration.ofSeconds(30))))
                    .containsExactly("plain-0", "plain-1", "tx-0", "plain-2");
        }
        assertThat(values(KAFKA.committedRecords("reader.open-tx")))
                .containsExactly("plain-0", "plain-1", "tx-0", "plain-2");
    }

    @Test
    void readUntilReturnsOnceTheConditionHoldsAndNamesWhatItMissed() {
        KAFKA.createTopics(2, "reader.until");
        KAFKA.produce("reader.until", List.of(bytes("a"), bytes("b"), bytes("c")));
        try (TopicReader reader = KAFKA.readCommitted("reader.until")) {
            assertThat(
                            reader.readUntil(
                                    "three records", r -> r.size() == 3, Duration.ofSeconds(30)))
                    .hasSize(3);
            assertThatThrownBy(
                            () ->
                                    reader.readUntil(
                                            "a fourth record",
                                            r -> r.size() > 3,
                                            Duration.ofMillis(500)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("a fourth record")
                    .hasMessageContaining("3 records read");
        }
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer(String id) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), UTF_8)).toList();
    }
}
