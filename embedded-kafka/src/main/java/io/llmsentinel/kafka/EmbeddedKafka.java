package io.llmsentinel.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one node) running in this JVM.
 *
 * <p>It wraps Kafka's own {@link KafkaClusterTestKit}, so the broker is the production 4.2 broker
 * code; only the separate process is missing. For tests and the local run, not for production.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     kafka.createTopic("events", 2, Map.of());
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Upper bound for each admin call and for waiting until new topics have leaders. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaClusterTestKit cluster;
    private final Path baseDirectory;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Created on first use: many callers only need the bootstrap address. Guarded by this. */
    private Admin admin;

    EmbeddedKafka(KafkaClusterTestKit cluster, Path baseDirectory, String bootstrapServers) {
        this.cluster = cluster;
        this.baseDirectory = baseDirectory;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a random free port with the single-node defaults. */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    /** For extra broker properties or a fixed client port. */
    public static EmbeddedKafkaBuilder builder() {
        return new EmbeddedKafkaBuilder();
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code localhost:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates a topic with replication factor 1 and waits until all its partitions have a leader.
     * Does nothing if the topic already exists (its partitions and config are left as they are).
     */
    public void createTopic(String name, int partitions, Map<String, String> topicConfig) {
        createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(topicConfig)));
    }

    /**
     * Creates the topics and waits until all their partitions have a leader, so that clients see
     * them at once. Topics that already exist are left as they are.
     */
    public void createTopics(Collection<NewTopic> topics) {
        Admin client = admin();
        for (Map.Entry<String, KafkaFuture<Void>> created :
                client.createTopics(topics).values().entrySet()) {
            try {
                await(created.getValue());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(
                            "Could not create topic " + created.getKey(), e.getCause());
                }
            }
        }
        awaitLeaders(client, topics.stream().map(NewTopic::name).collect(Collectors.toSet()));
    }

    /**
     * Stops the broker and deletes its directories. Safe to call more than once.
     *
     * @throws IllegalStateException if shutdown failed, or if the broker recorded a fault while
     *     running: the test kit collects faults instead of halting the JVM, and reports them here
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            synchronized (this) {
                if (admin != null) {
                    admin.close(Duration.ofSeconds(5));
                }
            }
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Kafka broker did not shut down cleanly", e);
        } finally {
            // The kit deletes its directories itself, but not if its shutdown failed half-way.
            deleteRecursively(baseDirectory);
        }
    }

    /** Where the broker keeps its metadata and logs; deleted by {@link #close()}. */
    Path baseDirectory() {
        return baseDirectory;
    }

    private synchronized Admin admin() {
        if (closed.get()) {
            throw new IllegalStateException("EmbeddedKafka is closed");
        }
        if (admin == null) {
            admin =
                    Admin.create(
                            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        return admin;
    }

    /**
     * CreateTopics returns once the controller has recorded the topic; the broker may still be
     * applying that metadata, and a producer started in that gap logs "unknown topic" warnings.
     */
    private static void awaitLeaders(Admin client, Set<String> names) {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> topics =
                        await(client.describeTopics(names).allTopicNames());
                if (topics.values().stream()
                        .flatMap(topic -> topic.partitions().stream())
                        .map(TopicPartitionInfo::leader)
                        .allMatch(leader -> leader != null && !leader.isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Could not describe topics " + names, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + names + " got no leader in time");
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** Waits a bounded time; interruption and time-out become unchecked, execution errors not. */
    private static <T> T await(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Broker did not answer within " + ADMIN_TIMEOUT, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
