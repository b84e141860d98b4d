package io.llmsentinel.cep;

import static io.llmsentinel.cep.TestAnomalies.cost;
import static io.llmsentinel.cep.TestAnomalies.drift;
import static io.llmsentinel.cep.TestAnomalies.latency;
import static io.llmsentinel.cep.TestAnomalies.open;
import static io.llmsentinel.cep.TestAnomalies.security;

import io.llmsentinel.schema.Anomaly;
import java.util.List;
import java.util.function.LongFunction;

/** One typical pair of members per pattern, on one subject, to test what all patterns share. */
record PatternExamples(
        IncidentPattern pattern, LongFunction<Anomaly> first, LongFunction<Anomaly> second) {

    @Override
    public String toString() {
        return pattern.name();
    }

    static List<PatternExamples> all() {
        PatternWindows w = PatternWindows.defaults();
        return List.of(
                new PatternExamples(
                        new ModelDegradationPattern(w.modelDegradation()),
                        t -> latency("latency_p95_deviation", "openai", "gpt-4o", t),
                        t -> latency("error_rate_spike", "openai", "gpt-4o", t)),
                new PatternExamples(
                        new ProviderOutagePattern(w.providerOutage()),
                        t -> latency("latency_p95_deviation", "openai", "gpt-4o", t),
                        t -> latency("error_rate_spike", "openai", "gpt-4o-mini", t)),
                new PatternExamples(
                        new RunawayAgentPattern(w.runawayAgent()),
                        t -> cost("runaway_session", "acme", t),
                        t -> cost("spend_spike", "acme", t)),
                new PatternExamples(
                        new AttackThenLeakPattern(w.attackThenLeak()),
                        t -> security("prompt_injection", "u-1", t),
                        t -> security("pii_leak", "u-1", t)),
                new PatternExamples(
                        new SilentModelChangePattern(w.silentModelChange()),
                        t -> drift("model_swap", "response_model", "checkout", "gpt-4o", t),
                        t -> drift("numeric_drift", "output_tokens", "checkout", "gpt-4o", t)),
                new PatternExamples(
                        new CorrelatedPattern(w.correlated()),
                        t -> latency("latency_tail_sustained", "openai", "gpt-4o", t),
                        t ->
                                open("cost", "runaway_session")
                                        .tenant("acme")
                                        .session("s-1")
                                        .service("checkout")
                                        .provider("openai")
                                        .model("gpt-4o")
                                        .at(t)));
    }

    long window() {
        return pattern.within().toMillis();
    }
}
