package io.llmsentinel.cep;

import static io.llmsentinel.cep.PatternHarness.matchesOf;
import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.cost;
import static io.llmsentinel.cep.TestAnomalies.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import org.junit.jupiter.api.Test;

class RunawayAgentPatternTest {
    final RunawayAgentPattern pattern = new RunawayAgentPattern(RunawayAgentPattern.DEFAULT_WITHIN);

    @Test
    void aRunawaySessionAndTheTenantsSpendSpikeAreOneRunawayAgent() throws Exception {
        Anomaly runaway = cost("runaway_session", "acme", T0);
        Anomaly spend =
                open("cost", "spend_spike")
                        .tenant("acme")
                        .severity(Severity.CRITICAL)
                        .at(T0 + 20 * MINUTE);

        PatternMatch m = matchesOf(pattern, runaway, spend).get(0);

        assertThat(m.pattern).isEqualTo("runaway_agent");
        assertThat(m.members).containsExactly(runaway, spend);
        assertThat(m.tenantId).isEqualTo("acme");
        assertThat(m.sessionId).isNull();
        assertThat(m.userId).isNull();
        assertThat(m.severity).isEqualTo("critical");
        assertThat(m.rootCause.anomalyId).isEqualTo(runaway.anomalyId);
        assertThat(m.title)
                .isEqualTo(
                        "Runaway agent in tenant acme (session s-1): runaway_session with"
                                + " spend_spike");
    }

    @Test
    void theAgentsBehaviourIsTheRootCauseEvenWhenTheBudgetCrossedFirst() throws Exception {
        Anomaly budget = cost("budget_threshold", "acme", T0);
        Anomaly bloat = cost("input_token_bloat", "acme", T0 + 5 * MINUTE);

        PatternMatch m = matchesOf(pattern, budget, bloat).get(0);

        assertThat(m.members).containsExactly(budget, bloat);
        assertThat(m.rootCause.anomalyId).isEqualTo(bloat.anomalyId);
        assertThat(m.rootCause.anomalyType).isEqualTo("input_token_bloat");
    }

    @Test
    void spendingAloneOrBehaviourAloneIsNoRunawayAgent() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                cost("spend_spike", "acme", T0),
                                cost("budget_threshold", "acme", T0 + MINUTE),
                                cost("runaway_session", "globex", T0),
                                cost("input_token_bloat", "globex", T0 + MINUTE)))
                .isEmpty();
    }

    @Test
    void anotherTenantsSpendDoesNotJoin() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                cost("runaway_session", "acme", T0),
                                cost("spend_spike", "globex", T0 + MINUTE)))
                .isEmpty();
    }

    @Test
    void anomaliesWithoutATenantAreNotCandidates() throws Exception {
        Anomaly modelSpend = open("cost", "spend_spike").provider("openai").model("gpt-4o").at(T0);
        Anomaly anonymousSession =
                open("cost", "runaway_session").session("s-9").service("agent").at(T0);
        assertThat(pattern.accepts(modelSpend)).isFalse();
        assertThat(pattern.accepts(anonymousSession)).isFalse();
    }
}
