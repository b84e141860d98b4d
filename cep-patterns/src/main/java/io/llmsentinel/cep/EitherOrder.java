package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import java.io.Serializable;
import java.util.Set;

/**
 * Two kinds of anomaly types that make a match together in either order: one of each, never two of
 * one kind. For patterns whose members are symptoms seen by whichever detector rule fires first (a
 * latency shift and an error burst; a looping session and its spend).
 */
final class EitherOrder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<String> oneKind;
    private final Set<String> otherKind;

    EitherOrder(Set<String> oneKind, Set<String> otherKind) {
        this.oneKind = Set.copyOf(oneKind);
        this.otherKind = Set.copyOf(otherKind);
    }

    boolean contains(Anomaly a) {
        return oneKind.contains(a.anomalyType) || otherKind.contains(a.anomalyType);
    }

    /** Whether {@code next} is of the kind {@code first} is not. */
    boolean completes(Anomaly first, Anomaly next) {
        return oneKind.contains(first.anomalyType)
                ? otherKind.contains(next.anomalyType)
                : oneKind.contains(next.anomalyType);
    }
}
