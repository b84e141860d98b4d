package io.llmsentinel.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/** Configures and starts an {@link EmbeddedKafka}; get one from {@link EmbeddedKafka#builder()}. */
public final class EmbeddedKafkaBuilder {

    /**
     * What one broker needs, on top of Kafka's defaults. The internal topics default to replication
     * factor 3, which a single broker cannot satisfy: transactions and consumer groups would then
     * fail. transaction.max.timeout.ms keeps its 15 min default on purpose, as the Flink
     * exactly-once sink sets transaction timeouts up to that.
     */
    private static final Map<String, String> SINGLE_NODE_DEFAULTS =
            Map.of(
                    "offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    // Groups start at once instead of waiting 3 s for more members to join.
                    "group.initial.rebalance.delay.ms", "0",
                    // The test kit enables unstable APIs and features for Kafka's own tests;
                    // a released 4.2 broker does not, and we want to behave like one.
                    "unstable.api.versions.enable", "false",
                    "unstable.feature.versions.enable", "false");

    /** Name of the extra listener that serves clients on a fixed port. */
    private static final String FIXED_PORT_LISTENER = "CLIENT";

    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private int clientPort;
    private boolean randomPortIfTaken;

    EmbeddedKafkaBuilder() {}

    /** Adds a broker property; it wins over the single-node defaults. */
    public EmbeddedKafkaBuilder brokerProperty(String key, String value) {
        brokerProperties.put(key, value);
        return this;
    }

    /** Adds broker properties; they win over the single-node defaults. */
    public EmbeddedKafkaBuilder brokerProperties(Map<String, String> properties) {
        brokerProperties.putAll(properties);
        return this;
    }

    /** Serves clients on {@code localhost:port}; {@link #start()} fails if the port is taken. */
    public EmbeddedKafkaBuilder clientPort(int port) {
        return port(port, false);
    }

    /**
     * Serves clients on {@code localhost:port} if it is free and on a random port otherwise, so
     * that a local run gets the usual address without clashing with a broker already there. {@link
     * EmbeddedKafka#bootstrapServers()} tells which one it got.
     */
    public EmbeddedKafkaBuilder preferredClientPort(int port) {
        return port(port, true);
    }

    private EmbeddedKafkaBuilder port(int port, boolean randomIfTaken) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
        this.clientPort = port;
        this.randomPortIfTaken = randomIfTaken;
        return this;
    }

    /** Formats, starts and waits until the broker accepts clients (a few seconds). */
    public EmbeddedKafka start() {
        int fixedPort = chooseFixedPort();
        // A short path: log segment paths grow long, and the JVM temp dir usually is /tmp.
        Path baseDirectory = createTempDirectory();
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes =
                    new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            // The kit defaults to the next, unreleased metadata version.
                            .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                            .setBaseDirectory(baseDirectory)
                            .build();
            KafkaClusterTestKit.Builder kit = new KafkaClusterTestKit.Builder(nodes);
            Map<String, String> properties = new LinkedHashMap<>(SINGLE_NODE_DEFAULTS);
            if (fixedPort > 0) {
                properties.putAll(fixedPortListener(nodes, fixedPort));
            }
            properties.putAll(brokerProperties);
            properties.forEach(kit::setConfigProp);

            cluster = kit.build();
            FormatterOutput.discardDuring(cluster::format);
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap =
                    fixedPort > 0 ? "localhost:" + fixedPort : cluster.bootstrapServers();
            return new EmbeddedKafka(cluster, baseDirectory, bootstrap);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(cluster, e);
            EmbeddedKafka.deleteRecursively(baseDirectory);
            throw new IllegalStateException("Kafka broker failed to start", e);
        }
    }

    /** The fixed client port to use, or 0 for the kit's random one. */
    private int chooseFixedPort() {
        if (clientPort == 0 || !randomPortIfTaken || isFree(clientPort)) {
            return clientPort;
        }
        return 0;
    }

    /**
     * The kit binds its broker listener to a random port before the broker starts and hands that
     * socket to the broker whatever port {@code listeners} names, so a fixed port needs a listener
     * of its own. The kit's listeners stay as they are (it looks them up by name).
     */
    private static Map<String, String> fixedPortListener(TestKitNodes nodes, int port) {
        String broker = nodes.brokerListenerName().value();
        String controller = nodes.controllerListenerName().value();
        return Map.of(
                "listeners",
                String.format(
                        "%s://localhost:0,%s://localhost:0,%s://localhost:%d",
                        broker, controller, FIXED_PORT_LISTENER, port),
                "listener.security.protocol.map",
                String.format(
                        "%s:%s,%s:%s,%s:PLAINTEXT",
                        broker,
                        nodes.brokerListenerProtocol().name,
                        controller,
                        nodes.controllerListenerProtocol().name,
                        FIXED_PORT_LISTENER));
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("localhost"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the broker's directory", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Exception cause) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
