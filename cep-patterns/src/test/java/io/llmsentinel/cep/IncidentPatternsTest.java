package io.llmsentinel.cep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.junit.jupiter.api.Test;

/** The catalogue: names, subjects, windows, skip strategies and uids of every pattern. */
class IncidentPatternsTest {

    @Test
    void everyPatternOfTheIncidentContractIsThereWithItsSubject() {
        List<IncidentPattern> all = IncidentPatterns.all(PatternWindows.defaults());

        assertThat(all)
                .extracting(IncidentPattern::name)
                .containsExactly(
                        "model_degradation",
                        "provider_outage",
                        "runaway_agent",
                        "attack_then_leak",
                        "silent_model_change",
                        "correlated");
        assertThat(all)
                .extracting(IncidentPattern::subject)
                .containsExactly(
                        PatternSubject.PROVIDER_MODEL,
                        PatternSubject.PROVIDER,
                        PatternSubject.TENANT,
                        PatternSubject.USER_OR_SESSION,
                        PatternSubject.SERVICE_MODEL,
                        PatternSubject.SERVICE_MODEL);
    }

    @Test
    void theDefaultWindowsAreTheIssuesAndEachCanBeConfigured() {
        assertThat(IncidentPatterns.all(PatternWindows.defaults()))
                .extracting(IncidentPattern::within)
                .containsExactly(
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(60),
                        Duration.ofMinutes(10));

        PatternWindows custom =
                new PatternWindows(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(3),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(6));
        assertThat(IncidentPatterns.all(custom))
                .allSatisfy(
                        p ->
                                assertThat(p.pattern().getWindowSize())
                                        .as(p.name())
                                        .contains(p.within()))
                .extracting(p -> p.within().toMinutes())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void windowsMustBePositive() {
        assertThatThrownBy(
                        () ->
                                new PatternWindows(
                                        Duration.ofMinutes(10),
                                        Duration.ZERO,
                                        Duration.ofMinutes(30),
                                        Duration.ofMinutes(30),
                                        Duration.ofMinutes(60),
                                        Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("provider_outage");
        assertThatThrownBy(() -> new CorrelatedPattern(Duration.ofSeconds(-1)))
                .hasMessageContaining("correlated");
    }

    @Test
    void everyPatternSkipsPastTheLastEventOfAMatch() {
        assertThat(IncidentPatterns.all(PatternWindows.defaults()))
                .allSatisfy(
                        p ->
                                assertThat(p.pattern().getAfterMatchSkipStrategy())
                                        .as(p.name())
                                        .isEqualTo(AfterMatchSkipStrategy.skipPastLastEvent()));
    }

    @Test
    void uidsAreStableDistinctAndReadable() {
        List<IncidentPattern> all = IncidentPatterns.all(PatternWindows.defaults());

        assertThat(all)
                .extracting(IncidentPattern::uid)
                .containsExactly(
                        "correlation-model-degradation-cep",
                        "correlation-provider-outage-cep",
                        "correlation-runaway-agent-cep",
                        "correlation-attack-then-leak-cep",
                        "correlation-silent-model-change-cep",
                        "correlation-correlated-cep");
        assertThat(all.get(0).operatorName())
                .isEqualTo("Pattern model_degradation by provider_model within PT10M");
    }
}
