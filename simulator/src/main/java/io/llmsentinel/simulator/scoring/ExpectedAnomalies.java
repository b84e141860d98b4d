package io.llmsentinel.simulator.scoring;

import io.llmsentinel.simulator.incident.IncidentType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which anomaly types count as detecting each scripted incident. The detectors' anomaly types are
 * part of the contract (see schemas/README.md); this table is where a new detector says which
 * incident it is meant to catch.
 */
public final class ExpectedAnomalies {
    private static final Map<IncidentType, Set<String>> DEFAULT = new EnumMap<>(IncidentType.class);

    static {
        DEFAULT.put(
                IncidentType.LATENCY_DEGRADATION,
                Set.of(
                        "latency_p95_deviation",
                        "latency_p99_deviation",
                        "latency_tail_sustained",
                        "ttft_deviation"));
        DEFAULT.put(IncidentType.ERROR_BURST, Set.of("error_rate_spike"));
        // An incident's real side effects count too: a runaway tenant's answers are longer (more
        // max_tokens stops), an agent loop burns money, longer outputs cost more.
        DEFAULT.put(
                IncidentType.SPEND_RUNAWAY,
                Set.of("spend_spike", "budget_threshold", "finish_length_surge"));
        DEFAULT.put(
                IncidentType.AGENT_LOOP,
                Set.of("runaway_session", "input_token_bloat", "spend_spike"));
        DEFAULT.put(
                IncidentType.OUTPUT_LENGTH_SHIFT,
                Set.of("finish_length_surge", "numeric_drift", "categorical_drift", "spend_spike"));
        DEFAULT.put(IncidentType.MODEL_SWAP, Set.of("model_swap", "categorical_drift"));
        DEFAULT.put(
                IncidentType.PROMPT_INJECTION,
                Set.of(
                        "prompt_injection",
                        "jailbreak",
                        "attack_campaign",
                        "attack_escalation",
                        "retry_after_refusal"));
        DEFAULT.put(IncidentType.PII_LEAK, Set.of("pii_leak"));
        DEFAULT.put(IncidentType.SECRET_LEAK, Set.of("secret_leak"));
    }

    private ExpectedAnomalies() {}

    public static Map<IncidentType, Set<String>> defaults() {
        return Map.copyOf(DEFAULT);
    }
}
