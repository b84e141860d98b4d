package io.llmsentinel.cep;

import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/** The incident record built from one match, without a cluster. */
class CorrelatedIncidentFunctionTest {

    static List<Anomaly> process(Anomaly first, Anomaly second) throws Exception {
        List<Anomaly> out = new ArrayList<>();
        new CorrelatedIncidentFunction()
                .processMatch(
                        Map.of(
                                CorrelationPatterns.FIRST, List.of(first),
                                CorrelationPatterns.SECOND, List.of(second)),
                        new NoContext(),
                        new org.apache.flink.api.common.functions.util.ListCollector<>(out));
        return out;
    }

    @Test
    void incidentNamesBothAnomaliesAndTakesTheHigherSeverity() throws Exception {
        Anomaly latency =
                open(
                        "latency",
                        "sustained_tail",
                        "checkout",
                        "gpt-4o",
                        T0,
                        Severity.CRITICAL,
                        "e1",
                        "e2");
        Anomaly cost =
                open(
                        "cost",
                        "spend_anomaly",
                        "checkout",
                        "gpt-4o",
                        T0 + 3 * MINUTE,
                        Severity.WARNING,
                        "e9");

        List<Anomaly> out = process(latency, cost);

        assertThat(out).hasSize(1);
        Anomaly incident = out.get(0);
        assertThat(ContractSchemas.errors(ContractSchemas.ANOMALY, Codecs.toJsonString(incident)))
                .isEmpty();
        assertThat(incident.detector).isEqualTo("correlation");
        assertThat(incident.anomalyType).isEqualTo("correlated_incident");
        assertThat(incident.status).isEqualTo(Anomaly.STATUS_OPEN);
        assertThat(incident.severity).isEqualTo("critical");
        assertThat(incident.serviceName).isEqualTo("checkout");
        assertThat(incident.model).isEqualTo("gpt-4o");
        assertThat(incident.providerName).isEqualTo("openai");
        assertThat(incident.windowStart).isEqualTo(T0 - MINUTE);
        assertThat(incident.windowEnd).isEqualTo(T0 + 3 * MINUTE);
        assertThat(incident.detectedAt).isEqualTo(T0 + 3 * MINUTE);
        assertThat(incident.evidence)
                .containsEntry("first_anomaly_id", latency.anomalyId)
                .containsEntry("first_detector", "latency")
                .containsEntry("first_anomaly_type", "sustained_tail")
                .containsEntry("first_severity", "critical")
                .containsEntry("second_anomaly_id", cost.anomalyId)
                .containsEntry("second_detector", "cost")
                .containsEntry("second_anomaly_type", "spend_anomaly")
                .containsEntry("second_severity", "warning")
                .containsEntry("delay_ms", Long.toString(3 * MINUTE));
        assertThat(incident.sampleEventIds).containsExactly("e1", "e9", "e2");
        assertThat(incident.anomalyId).isEqualTo(incident.episodeId + ":open");
    }

    @Test
    void incidentIdIsDeterministicAndDistinctPerPair() throws Exception {
        Anomaly a = open("latency", "t", "svc", null, T0, Severity.WARNING);
        Anomaly b = open("cost", "t", "svc", null, T0 + MINUTE, Severity.WARNING);
        Anomaly c = open("drift", "t", "svc", null, T0 + MINUTE, Severity.WARNING);

        String ab = process(a, b).get(0).anomalyId;
        assertThat(process(a, b).get(0).anomalyId).isEqualTo(ab);
        // Same subject and same time of the second anomaly, different pair: different id.
        assertThat(process(a, c).get(0).anomalyId).isNotEqualTo(ab);
        assertThat(ab).startsWith("correlation-").hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void samplesFromBothSidesSurviveTheCap() throws Exception {
        String[] many = IntStream.range(0, 50).mapToObj(i -> "a" + i).toArray(String[]::new);
        String[] others = IntStream.range(0, 50).mapToObj(i -> "b" + i).toArray(String[]::new);
        Anomaly a = open("latency", "t", "svc", "m", T0, Severity.INFO, many);
        Anomaly b = open("cost", "t", "svc", "m", T0, Severity.INFO, others);

        List<String> samples = process(a, b).get(0).sampleEventIds;

        assertThat(samples).hasSize(AnomalyFactory.MAX_SAMPLE_EVENT_IDS);
        assertThat(samples).filteredOn(s -> s.startsWith("a")).hasSize(25);
        assertThat(samples).filteredOn(s -> s.startsWith("b")).hasSize(25);
    }

    @Test
    void fieldsTheTwoAnomaliesDisagreeOnAreLeftOut() throws Exception {
        Anomaly a = open("latency", "t", "svc", "m", T0, Severity.INFO);
        Anomaly b = open("security", "t", "svc", "m", T0, Severity.INFO);
        b.providerName = "anthropic";
        b.tenantId = "acme";
        Anomaly incident = process(a, b).get(0);
        assertThat(incident.providerName).isNull();
        assertThat(incident.tenantId).isNull();
        assertThat(incident.severity).isEqualTo("info");
    }

    /** The function uses nothing from its context. */
    static final class NoContext implements PatternProcessFunction.Context {
        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long currentProcessingTime() {
            return 0;
        }
    }
}
