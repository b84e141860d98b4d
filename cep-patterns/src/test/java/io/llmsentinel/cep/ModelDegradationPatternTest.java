package io.llmsentinel.cep;

import static io.llmsentinel.cep.PatternHarness.matchesOf;
import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.drift;
import static io.llmsentinel.cep.TestAnomalies.latency;
import static io.llmsentinel.cep.TestAnomalies.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import org.junit.jupiter.api.Test;

class ModelDegradationPatternTest {
    final ModelDegradationPattern pattern =
            new ModelDegradationPattern(ModelDegradationPattern.DEFAULT_WITHIN);

    @Test
    void aLatencyShiftWithAnErrorBurstIsOneDegradationOfTheProvidersModel() throws Exception {
        Anomaly p95 = latency("latency_p95_deviation", "openai", "gpt-4o", T0);
        Anomaly errors =
                open("latency", "error_rate_spike")
                        .provider("openai")
                        .model("gpt-4o")
                        .service("search") // another service calling the same model
                        .severity(Severity.CRITICAL)
                        .at(T0 + 3 * MINUTE);

        PatternMatch m = matchesOf(pattern, p95, errors).get(0);

        assertThat(m.pattern).isEqualTo("model_degradation");
        assertThat(m.members).containsExactly(p95, errors);
        assertThat(m.providerName).isEqualTo("openai");
        assertThat(m.model).isEqualTo("gpt-4o");
        assertThat(m.serviceName).isNull();
        assertThat(m.severity).isEqualTo("critical");
        assertThat(m.rootCause.anomalyId).isEqualTo(p95.anomalyId);
        assertThat(m.rootCause.reason).contains("error_rate_spike followed 180 s later");
        assertThat(m.title)
                .isEqualTo(
                        "Model degradation of gpt-4o (openai): latency_p95_deviation with"
                                + " error_rate_spike");
    }

    @Test
    void eitherKindMayComeFirstAndTtftCountsAsTheSecondSignal() throws Exception {
        Anomaly ttft = latency("ttft_deviation", "openai", "gpt-4o", T0);
        Anomaly tail = latency("latency_tail_sustained", "openai", "gpt-4o", T0 + MINUTE);
        Anomaly errors = latency("error_rate_spike", "anthropic", "claude", T0);
        Anomaly p99 = latency("latency_p99_deviation", "anthropic", "claude", T0 + 2 * MINUTE);

        assertThat(matchesOf(pattern, ttft, tail, errors, p99))
                .extracting(m -> m.members.get(0).anomalyType + "+" + m.members.get(1).anomalyType)
                .containsExactlyInAnyOrder(
                        "ttft_deviation+latency_tail_sustained",
                        "error_rate_spike+latency_p99_deviation");
    }

    @Test
    void twoSignalsOfOneKindAreNotADegradation() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                latency("latency_p95_deviation", "openai", "gpt-4o", T0),
                                latency("latency_p99_deviation", "openai", "gpt-4o", T0 + MINUTE),
                                latency(
                                        "latency_tail_sustained",
                                        "openai",
                                        "gpt-4o",
                                        T0 + 2 * MINUTE),
                                latency("error_rate_spike", "openai", "gpt-4o-mini", T0),
                                latency("ttft_deviation", "openai", "gpt-4o-mini", T0 + MINUTE)))
                .isEmpty();
    }

    @Test
    void anotherModelOrProviderIsAnotherSubject() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                latency("latency_p95_deviation", "openai", "gpt-4o", T0),
                                latency("error_rate_spike", "openai", "gpt-4o-mini", T0 + MINUTE),
                                latency("error_rate_spike", "azure", "gpt-4o", T0 + 2 * MINUTE)))
                .isEmpty();
    }

    @Test
    void trafficDropsAndOtherDetectorsLatencyDriftAreNotMembers() throws Exception {
        Anomaly p95 = latency("latency_p95_deviation", "openai", "gpt-4o", T0);
        Anomaly drop = latency("traffic_drop", "openai", "gpt-4o", T0 + MINUTE);
        Anomaly driftOfLatency = drift("numeric_drift", "latency_ms", "checkout", "gpt-4o", T0);

        assertThat(pattern.accepts(drop)).isFalse();
        assertThat(pattern.accepts(driftOfLatency)).isFalse();
        assertThat(matchesOf(pattern, p95, drop)).isEmpty();
    }
}
