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

class CorrelatedPatternTest {
    final CorrelatedPattern pattern = new CorrelatedPattern(CorrelatedPattern.DEFAULT_WITHIN);

    @Test
    void anomaliesOfTwoDetectorsOnOneServiceAndModelAreCorrelated() throws Exception {
        Anomaly tail = latency("latency_tail_sustained", "openai", "gpt-4o", T0);
        Anomaly lengths =
                open("drift", "numeric_drift")
                        .service("checkout")
                        .model("gpt-4o")
                        .severity(Severity.CRITICAL)
                        .at(T0 + 6 * MINUTE);

        PatternMatch m = matchesOf(pattern, tail, lengths).get(0);

        assertThat(m.pattern).isEqualTo("correlated");
        assertThat(m.members).containsExactly(tail, lengths);
        assertThat(m.serviceName).isEqualTo("checkout");
        assertThat(m.model).isEqualTo("gpt-4o");
        assertThat(m.providerName).isNull();
        assertThat(m.severity).isEqualTo("critical");
        assertThat(m.rootCause.anomalyId).isEqualTo(tail.anomalyId);
        assertThat(m.title)
                .isEqualTo(
                        "Correlated anomalies in checkout on gpt-4o: latency/latency_tail_sustained"
                                + " then drift/numeric_drift");
    }

    @Test
    void oneDetectorTwiceIsNotCorrelated() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                drift("numeric_drift", "latency_ms", "checkout", "gpt-4o", T0),
                                drift(
                                        "embedding_drift",
                                        "embedding",
                                        "checkout",
                                        "gpt-4o",
                                        T0 + MINUTE)))
                .isEmpty();
    }

    @Test
    void anomaliesWithoutServiceAndModelAreNotCandidates() {
        assertThat(pattern.accepts(open("cost", "budget_threshold").tenant("acme").at(T0)))
                .isFalse();
        assertThat(pattern.accepts(open("security", "attack_campaign").service("chat").at(T0)))
                .isFalse();
    }
}
