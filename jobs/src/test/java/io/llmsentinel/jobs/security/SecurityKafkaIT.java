package io.llmsentinel.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.security.SecurityAnomalies;
import io.llmsentinel.jobs.DetectorJob;
import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.kafka.BrokerJobSettings;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import io.llmsentinel.kafka.testing.EmbeddedKafkaExtension;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The security job end to end on the real broker: simulated events with PII, secrets and attacks in
 * {@code llm.events}, the job with its Kafka source, checkpoints and exactly-once sink, and then
 * every byte a downstream consumer reads from the anomalies topic ({@code read_committed}) checked
 * against every raw PII and secret value the scanners find in the traffic.
 */
class SecurityKafkaIT {
    static final String TIMELINE = "prompt_injection@5m+5m,pii_leak@12m+5m,secret_leak@19m+5m";

    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    @Timeout(180)
    void noRecordInTheAnomaliesTopicCarriesARawDetectedValue() throws Exception {
        SimulatedScenario scenario = new SimulatedScenario(21, 6, Duration.ofMinutes(26), TIMELINE);
        KAFKA.createTopics(2, "sec.events", "sec.anomalies");
        List<byte[]> records = new ArrayList<>();
        scenario.forEach(e -> records.add(Codecs.toJsonBytes(e)));
        KAFKA.produce("sec.events", records);

        Map<String, String> settings =
                BrokerJobSettings.of(KAFKA.bootstrapServers(), "sec-it", Duration.ofMillis(500));
        settings.put("kafka.topic.events", "sec.events");
        settings.put("kafka.topic.anomalies", "sec.anomalies");
        settings.put("security.starting-offsets", "earliest");
        SecurityConfig config =
                SecurityConfig.from(JobConfig.fromMap(settings, SecurityOptions.class));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SecurityJob.JOB.buildWithSource(
                env,
                config,
                KafkaConnectors.boundedEventsSource(
                        config.kafka(),
                        DetectorJob.defaultGroupId(SecurityJob.NAME),
                        config.startingOffsets(),
                        OffsetsInitializer.latest()));
        env.execute("security on Kafka");

        // the job has finished (bounded input, final checkpoint): this is all it wrote
        List<ConsumerRecord<byte[], byte[]>> out = KAFKA.committedRecords("sec.anomalies");
        List<Anomaly> anomalies = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : out) {
            anomalies.add(Codecs.fromJson(r.value(), Anomaly.class));
        }
        assertThat(anomalies)
                .extracting(a -> a.anomalyType)
                .contains(
                        SecurityAnomalies.PII_LEAK,
                        SecurityAnomalies.SECRET_LEAK,
                        SecurityAnomalies.ATTACK_CAMPAIGN);
        assertThat(anomalies).extracting(a -> a.anomalyId).doesNotHaveDuplicates();

        Set<String> raw = SecurityJobIT.rawSensitiveValues(scenario);
        System.out.printf(
                "security on Kafka: %d events, %d anomaly records read_committed, checked"
                        + " against %d raw PII/secret values%n",
                records.size(), out.size(), raw.size());
        assertThat(raw).isNotEmpty();
        for (ConsumerRecord<byte[], byte[]> r : out) {
            String bytes = new String(r.value(), StandardCharsets.UTF_8);
            for (String value : raw) {
                assertThat(bytes).doesNotContain(value);
            }
        }
    }
}
