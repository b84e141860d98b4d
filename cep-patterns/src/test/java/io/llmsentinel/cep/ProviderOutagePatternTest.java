package io.llmsentinel.cep;

import static io.llmsentinel.cep.PatternHarness.matchesOf;
import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.latency;
import static io.llmsentinel.cep.TestAnomalies.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import org.junit.jupiter.api.Test;

class ProviderOutagePatternTest {
    final ProviderOutagePattern pattern =
            new ProviderOutagePattern(ProviderOutagePattern.DEFAULT_WITHIN);

    @Test
    void twoModelsOfOneProviderDegradingTogetherAreOneProviderLevelMatch() throws Exception {
        Anomaly drop = latency("traffic_drop", "openai", "gpt-4o", T0);
        Anomaly sameModel = latency("error_rate_spike", "openai", "gpt-4o", T0 + MINUTE);
        Anomaly otherModel = latency("error_rate_spike", "openai", "gpt-4o-mini", T0 + 2 * MINUTE);

        PatternMatch m = matchesOf(pattern, drop, sameModel, otherModel).get(0);

        assertThat(m.pattern).isEqualTo("provider_outage");
        assertThat(m.members).containsExactly(drop, otherModel);
        assertThat(m.members).extracting(a -> a.model).containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(m.providerName).isEqualTo("openai");
        assertThat(m.model).isNull();
        assertThat(m.serviceName).isNull();
        assertThat(m.rootCause.anomalyId).isEqualTo(drop.anomalyId);
        assertThat(m.title)
                .isEqualTo(
                        "Provider outage at openai: gpt-4o and gpt-4o-mini degraded within 120 s");
    }

    @Test
    void oneModelAloneIsNoOutageHoweverManyOfItsSignalsOpen() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                latency("latency_p95_deviation", "openai", "gpt-4o", T0),
                                latency("error_rate_spike", "openai", "gpt-4o", T0 + MINUTE),
                                latency("traffic_drop", "openai", "gpt-4o", T0 + 2 * MINUTE),
                                latency("ttft_deviation", "openai", "gpt-4o", T0 + 3 * MINUTE)))
                .isEmpty();
    }

    @Test
    void modelsOfDifferentProvidersAreNotOneOutage() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                latency("error_rate_spike", "openai", "gpt-4o", T0),
                                latency("error_rate_spike", "anthropic", "claude", T0 + MINUTE)))
                .isEmpty();
    }

    @Test
    void onlyLatencyDetectorAnomaliesWithAModelAreMembers() throws Exception {
        Anomaly p95 = latency("latency_p95_deviation", "openai", "gpt-4o", T0);
        // the cost detector's model-scoped spend carries provider and model too
        Anomaly spend =
                open("cost", "spend_spike").provider("openai").model("gpt-4o-mini").at(T0 + MINUTE);
        Anomaly routeWithoutModel =
                open("latency", "error_rate_spike").provider("openai").at(T0 + MINUTE);

        assertThat(pattern.accepts(spend)).isFalse();
        assertThat(pattern.accepts(routeWithoutModel)).isFalse();
        assertThat(matchesOf(pattern, p95, spend, routeWithoutModel)).isEmpty();
    }
}
