package io.llmsentinel.cep;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code within} window of each pattern, for the correlation job's typed configuration. The
 * defaults are the ones issue 11 gives: long enough for the slowest member's detector to speak
 * (drift evaluates in tens of minutes, cost over half-hour windows), short enough that unrelated
 * anomalies of a busy subject are not glued together.
 */
public record PatternWindows(
        Duration modelDegradation,
        Duration providerOutage,
        Duration runawayAgent,
        Duration attackThenLeak,
        Duration silentModelChange,
        Duration correlated) {

    public PatternWindows {
        requirePositive(modelDegradation, ModelDegradationPattern.NAME);
        requirePositive(providerOutage, ProviderOutagePattern.NAME);
        requirePositive(runawayAgent, RunawayAgentPattern.NAME);
        requirePositive(attackThenLeak, AttackThenLeakPattern.NAME);
        requirePositive(silentModelChange, SilentModelChangePattern.NAME);
        requirePositive(correlated, CorrelatedPattern.NAME);
    }

    public static PatternWindows defaults() {
        return new PatternWindows(
                ModelDegradationPattern.DEFAULT_WITHIN,
                ProviderOutagePattern.DEFAULT_WITHIN,
                RunawayAgentPattern.DEFAULT_WITHIN,
                AttackThenLeakPattern.DEFAULT_WITHIN,
                SilentModelChangePattern.DEFAULT_WITHIN,
                CorrelatedPattern.DEFAULT_WITHIN);
    }

    /** A CEP window must be positive: without one, partial matches would never expire. */
    static Duration requirePositive(Duration within, String pattern) {
        Objects.requireNonNull(within, () -> "window of " + pattern);
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException(
                    "window of " + pattern + " must be positive, got " + within);
        }
        return within;
    }
}
