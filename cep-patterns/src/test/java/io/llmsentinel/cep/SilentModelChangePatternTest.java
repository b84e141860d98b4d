package io.llmsentinel.cep;

import static io.llmsentinel.cep.PatternHarness.matchesOf;
import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.drift;
import static io.llmsentinel.cep.TestAnomalies.latency;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import org.junit.jupiter.api.Test;

class SilentModelChangePatternTest {
    final SilentModelChangePattern pattern =
            new SilentModelChangePattern(SilentModelChangePattern.DEFAULT_WITHIN);

    static Anomaly swap(String service, String model, long at) {
        return drift("model_swap", "response_model", service, model, at);
    }

    static Anomaly numeric(String feature, String service, String model, long at) {
        return drift("numeric_drift", feature, service, model, at);
    }

    @Test
    void aModelSwapFollowedByLongerAnswersIsASilentModelChange() throws Exception {
        Anomaly swap = swap("checkout", "gpt-4o", T0);
        Anomaly longer = numeric("output_tokens", "checkout", "gpt-4o", T0 + 40 * MINUTE);

        PatternMatch m = matchesOf(pattern, swap, longer).get(0);

        assertThat(m.pattern).isEqualTo("silent_model_change");
        assertThat(m.members).containsExactly(swap, longer);
        assertThat(m.serviceName).isEqualTo("checkout");
        assertThat(m.model).isEqualTo("gpt-4o");
        assertThat(m.providerName).isNull();
        assertThat(m.rootCause.anomalyId).isEqualTo(swap.anomalyId);
        assertThat(m.rootCause.reason).contains("output_tokens drift followed 2400 s later");
        assertThat(m.title)
                .isEqualTo(
                        "Silent model change in checkout on gpt-4o: model_swap then output_tokens drift");
    }

    @Test
    void lengthLatencyAndCostDriftsAreEffectsOfTheSwap() throws Exception {
        String[] effects = {"output_tokens", "response_chars", "latency_ms", "ttft_ms", "cost_usd"};
        for (String feature : effects) {
            assertThat(
                            matchesOf(
                                    pattern,
                                    swap("checkout", "gpt-4o", T0),
                                    numeric(feature, "checkout", "gpt-4o", T0 + MINUTE)))
                    .as(feature)
                    .hasSize(1);
        }
    }

    @Test
    void aDriftBeforeTheSwapIsNotItsEffect() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                numeric("output_tokens", "checkout", "gpt-4o", T0),
                                swap("checkout", "gpt-4o", T0 + MINUTE)))
                .isEmpty();
    }

    @Test
    void inputDriftCategoricalDriftAndLatencyDetectorRecordsAreNotEffects() throws Exception {
        Anomaly inputs = numeric("input_tokens", "checkout", "gpt-4o", T0 + MINUTE);
        Anomaly finishReasons =
                drift("categorical_drift", "finish_reason", "checkout", "gpt-4o", T0 + MINUTE);
        Anomaly slower = latency("latency_p95_deviation", "openai", "gpt-4o", T0 + MINUTE);

        assertThat(pattern.accepts(inputs)).isFalse();
        assertThat(pattern.accepts(finishReasons)).isFalse();
        assertThat(pattern.accepts(slower)).isFalse();
        assertThat(matchesOf(pattern, swap("checkout", "gpt-4o", T0), inputs, finishReasons))
                .isEmpty();
    }

    @Test
    void anotherServiceOrModelIsAnotherSubject() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                swap("checkout", "gpt-4o", T0),
                                numeric("output_tokens", "search", "gpt-4o", T0 + MINUTE),
                                numeric("output_tokens", "checkout", "gpt-4o-mini", T0 + MINUTE)))
                .isEmpty();
    }
}
