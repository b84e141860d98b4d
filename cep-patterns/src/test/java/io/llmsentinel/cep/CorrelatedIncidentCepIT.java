package io.llmsentinel.cep;

import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.open;
import static io.llmsentinel.cep.TestAnomalies.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The correlated-incident pattern on a MiniCluster at parallelism 2, in event time, with explicit
 * uids only and Kryo disabled, as the correlation job will run it.
 */
class CorrelatedIncidentCepIT {
    static final int PARALLELISM = 2;
    static final Duration WITHIN = CorrelationPatterns.DEFAULT_INCIDENT_WINDOW;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    static List<Anomaly> run(Anomaly... input) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(conf);
        env.setParallelism(PARALLELISM);

        DataStream<Anomaly> anomalies =
                env.fromData(TypeInformation.of(Anomaly.class), input)
                        .uid("test-anomalies")
                        .name("test anomalies")
                        .assignTimestampsAndWatermarks(
                                CorrelationPatterns.watermarks(Duration.ofMinutes(1)))
                        .uid("test-anomaly-watermarks")
                        .name("test watermarks");
        List<Anomaly> out = new ArrayList<>();
        try (CloseableIterator<Anomaly> it =
                CorrelationPatterns.correlatedIncidents(anomalies, WITHIN)
                        .executeAndCollect("correlated incidents test")) {
            it.forEachRemaining(out::add);
        }
        for (Anomaly incident : out) {
            assertThat(
                            ContractSchemas.errors(
                                    ContractSchemas.ANOMALY, Codecs.toJsonString(incident)))
                    .isEmpty();
        }
        return out;
    }

    @Test
    @Timeout(120)
    void twoDetectorsOnTheSameSubjectWithinTheWindowMakeOneIncident() throws Exception {
        Anomaly latency =
                open("latency", "sustained_tail", "checkout", "gpt-4o", T0, Severity.WARNING, "e1");
        Anomaly cost =
                open(
                        "cost",
                        "spend_anomaly",
                        "checkout",
                        "gpt-4o",
                        T0 + 4 * MINUTE,
                        Severity.CRITICAL,
                        "e2");
        // Input order differs from event-time order: CEP sorts by timestamp.
        List<Anomaly> out = run(cost, latency);

        assertThat(out).hasSize(1);
        Anomaly incident = out.get(0);
        assertThat(incident.detector).isEqualTo("correlation");
        assertThat(incident.anomalyType).isEqualTo("correlated_incident");
        assertThat(incident.severity).isEqualTo("critical");
        assertThat(incident.evidence)
                .containsEntry("first_anomaly_id", latency.anomalyId)
                .containsEntry("second_anomaly_id", cost.anomalyId)
                .containsEntry("delay_ms", Long.toString(4 * MINUTE));
        assertThat(incident.sampleEventIds).containsExactly("e1", "e2");
    }

    @Test
    @Timeout(120)
    void sameDetectorTwiceMakesNoIncident() throws Exception {
        List<Anomaly> out =
                run(
                        open(
                                "latency",
                                "sustained_tail",
                                "checkout",
                                "gpt-4o",
                                T0,
                                Severity.WARNING),
                        open(
                                "latency",
                                "error_rate",
                                "checkout",
                                "gpt-4o",
                                T0 + MINUTE,
                                Severity.CRITICAL));
        assertThat(out).isEmpty();
    }

    @Test
    @Timeout(120)
    void differentSubjectsMakeNoIncident() throws Exception {
        List<Anomaly> out =
                run(
                        open(
                                "latency",
                                "sustained_tail",
                                "checkout",
                                "gpt-4o",
                                T0,
                                Severity.WARNING),
                        open(
                                "cost",
                                "spend_anomaly",
                                "checkout",
                                "gpt-4o-mini",
                                T0 + MINUTE,
                                Severity.WARNING),
                        open(
                                "drift",
                                "embedding_drift",
                                "search",
                                "gpt-4o",
                                T0 + 2 * MINUTE,
                                Severity.WARNING),
                        open(
                                "security",
                                "pii_leak",
                                "checkout",
                                null,
                                T0 + 3 * MINUTE,
                                Severity.WARNING));
        assertThat(out).isEmpty();
    }

    @Test
    @Timeout(120)
    void anomaliesFurtherApartThanTheWindowMakeNoIncident() throws Exception {
        List<Anomaly> out =
                run(
                        open(
                                "latency",
                                "sustained_tail",
                                "checkout",
                                "gpt-4o",
                                T0,
                                Severity.WARNING),
                        open(
                                "cost",
                                "spend_anomaly",
                                "checkout",
                                "gpt-4o",
                                T0 + 11 * MINUTE,
                                Severity.WARNING));
        assertThat(out).isEmpty();
    }

    @Test
    @Timeout(120)
    void theWindowIncludesDelaysShorterThanItButNotEqualToIt() throws Exception {
        long window = WITHIN.toMillis();
        List<Anomaly> out =
                run(
                        open("latency", "sustained_tail", "just-inside", "m", T0, Severity.WARNING),
                        open(
                                "cost",
                                "spend_anomaly",
                                "just-inside",
                                "m",
                                T0 + window - 1,
                                Severity.WARNING),
                        open("latency", "sustained_tail", "at-the-edge", "m", T0, Severity.WARNING),
                        open(
                                "cost",
                                "spend_anomaly",
                                "at-the-edge",
                                "m",
                                T0 + window,
                                Severity.WARNING));
        assertThat(out).extracting(a -> a.serviceName).containsExactly("just-inside");
    }

    @Test
    @Timeout(120)
    void manySubjectsAcrossBothSubtasksEachGetOneIncidentWithReplayableIds() throws Exception {
        List<Anomaly> input = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            String service = "service-" + s;
            long t = T0 + s * MINUTE;
            Anomaly latency = open("latency", "sustained_tail", service, "m", t, Severity.WARNING);
            input.add(latency);
            // A second latency episode and a resolution in between do not start extra incidents.
            input.add(open("latency", "error_rate", service, "m", t + MINUTE, Severity.WARNING));
            input.add(resolved(latency, t + 2 * MINUTE));
            input.add(
                    open("cost", "spend_anomaly", service, "m", t + 3 * MINUTE, Severity.WARNING));
            // Incidents themselves are never correlated again.
            input.add(
                    CorrelatedIncidentFunction.incident(
                            latency,
                            open("drift", "x", service, "m", t + 3 * MINUTE, Severity.INFO)));
        }

        List<Anomaly> out = run(input.toArray(new Anomaly[0]));

        assertThat(out).hasSize(12);
        assertThat(out).extracting(a -> a.serviceName).doesNotHaveDuplicates();
        assertThat(out).extracting(a -> a.anomalyId).doesNotHaveDuplicates();
        // A replay of the same input yields the same incidents with the same ids.
        assertThat(run(input.toArray(new Anomaly[0])))
                .extracting(a -> a.anomalyId)
                .containsExactlyInAnyOrderElementsOf(out.stream().map(a -> a.anomalyId).toList());
        assertThat(out)
                .allSatisfy(
                        a -> {
                            assertThat(a.evidence)
                                    .containsEntry("first_anomaly_type", "sustained_tail");
                            assertThat(a.evidence).containsEntry("second_detector", "cost");
                        });
    }
}
