package io.llmsentinel.cep;

import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.latency;
import static io.llmsentinel.cep.TestAnomalies.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import java.util.List;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** The match record itself, built without a cluster. */
class PatternMatchTest {
    final ModelDegradationPattern pattern =
            new ModelDegradationPattern(ModelDegradationPattern.DEFAULT_WITHIN);

    @Test
    void flinkSerialisesAMatchAsAPojoWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(PatternMatch.class);
    }

    @Test
    void membersAreInEventTimeOrderAndTheSeverityIsTheHighest() {
        Anomaly p99 =
                open("latency", "latency_p99_deviation")
                        .provider("openai")
                        .model("gpt-4o")
                        .severity(Severity.CRITICAL)
                        .at(T0 + MINUTE);
        Anomaly errors = latency("error_rate_spike", "openai", "gpt-4o", T0);

        PatternMatch m = PatternMatchFunction.build(pattern, List.of(p99, errors), T0 + MINUTE);

        assertThat(m.members).containsExactly(errors, p99);
        assertThat(m.severity).isEqualTo("critical");
        assertThat(m.matchedAt).isEqualTo(T0 + MINUTE);
        assertThat(m.subjectKey).isEqualTo(PatternSubject.PROVIDER_MODEL.getKey(errors));
    }

    @Test
    void theIdDependsOnThePatternTheSubjectAndTheMembersOnly() {
        Anomaly a = latency("latency_p95_deviation", "openai", "gpt-4o", T0);
        Anomaly b = latency("error_rate_spike", "openai", "gpt-4o", T0 + MINUTE);
        Anomaly c = latency("ttft_deviation", "openai", "gpt-4o", T0 + MINUTE);

        String id = PatternMatchFunction.build(pattern, List.of(a, b), T0 + MINUTE).matchId;

        assertThat(id).matches("match-[0-9a-f]{32}");
        assertThat(PatternMatchFunction.build(pattern, List.of(b, a), 0).matchId).isEqualTo(id);
        assertThat(PatternMatchFunction.build(pattern, List.of(a, c), T0 + MINUTE).matchId)
                .isNotEqualTo(id);
        assertThat(
                        PatternMatchFunction.build(
                                        new ProviderOutagePattern(
                                                ProviderOutagePattern.DEFAULT_WITHIN),
                                        List.of(a, b),
                                        T0 + MINUTE)
                                .matchId)
                .isNotEqualTo(id);
    }

    @Test
    void equalMatchesAreEqualAndPrintAsJson() {
        Anomaly a = latency("latency_p95_deviation", "openai", "gpt-4o", T0);
        Anomaly b = latency("error_rate_spike", "openai", "gpt-4o", T0 + MINUTE);
        PatternMatch m = PatternMatchFunction.build(pattern, List.of(a, b), T0 + MINUTE);

        assertThat(PatternMatchFunction.build(pattern, List.of(a, b), T0 + MINUTE)).isEqualTo(m);
        assertThat(m.toString()).contains("\"pattern\":\"model_degradation\"");
    }
}
