package io.llmsentinel.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.kafka.testing.TopicReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class EmbeddedKafkaIT {

    private static final String TOPIC = "tx-events";

    @Test
    void readCommittedConsumerSeesOnlyTheCommittedTransaction() {
        long startNanos = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start();
        System.out.printf(
                "EmbeddedKafka started in %d ms at %s; heap used after GC: %d MB%n",
                elapsedMillis(startNanos), kafka.bootstrapServers(), usedHeapMb());

        try (kafka) {
            kafka.createTopic(TOPIC, 2, Map.of());
            // Idempotent: a second create of the same topic is not an error.
            kafka.createTopic(TOPIC, 2, Map.of());

            long txNanos = System.nanoTime();
            try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
                producer.initTransactions();
                System.out.printf(
                        "initTransactions took %d ms (creates __transaction_state)%n",
                        elapsedMillis(txNanos));

                producer.beginTransaction();
                for (int i = 0; i < 4; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, i % 2, "k" + i, "committed-" + i));
                }
                producer.commitTransaction();

                producer.beginTransaction();
                for (int i = 0; i < 4; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, i % 2, "k" + i, "aborted-" + i));
                }
                // Make sure the aborted records reach the log, so the reader must filter them.
                producer.flush();
                producer.abortTransaction();
            }

            assertThat(readToEnd(kafka, true))
                    .containsExactlyInAnyOrder(
                            "committed-0", "committed-1", "committed-2", "committed-3");
            // The aborted records are in the log: a read_uncommitted reader sees them.
            assertThat(readToEnd(kafka, false)).hasSize(8);
            System.out.printf("Heap used after GC with clients: %d MB%n", usedHeapMb());
        }

        assertThat(kafka.baseDirectory()).doesNotExist();
        kafka.close(); // a second close is a no-op
    }

    @Test
    void servesClientsOnAFixedPortAndFallsBackWhenItIsTaken() throws Exception {
        int port = freePort();
        long startNanos = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().clientPort(port).start()) {
            System.out.printf(
                    "EmbeddedKafka started on fixed port %d in %d ms%n",
                    port, elapsedMillis(startNanos));
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
            // Advertised on the fixed port too, so clients stay on it after bootstrapping.
            try (Admin admin =
                    Admin.create(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    kafka.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                        .extracting(Node::port)
                        .containsExactly(port);
            }

            try (EmbeddedKafka second = EmbeddedKafka.builder().preferredClientPort(port).start()) {
                assertThat(second.bootstrapServers()).isNotEqualTo("localhost:" + port);
            }
            assertThatThrownBy(() -> EmbeddedKafka.builder().clientPort(port).start())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "embedded-kafka-test",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class));
    }

    /**
     * Both partitions, once every transaction is decided, as a reader of this isolation sees them.
     */
    private static List<String> readToEnd(EmbeddedKafka kafka, boolean committedOnly) {
        try (TopicReader reader =
                committedOnly
                        ? TopicReader.readCommitted(kafka.bootstrapServers(), TOPIC)
                        : TopicReader.readUncommitted(kafka.bootstrapServers(), TOPIC)) {
            return reader.readSettled(Duration.ofSeconds(30)).stream()
                    .map(r -> new String(r.value(), UTF_8))
                    .toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            return socket.getLocalPort();
        }
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static long usedHeapMb() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
