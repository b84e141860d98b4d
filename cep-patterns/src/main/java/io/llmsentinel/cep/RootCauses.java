package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.RootCauseHint;
import java.util.List;
import java.util.Set;

/** The two ways our patterns pick the member a match most likely started from. */
final class RootCauses {
    private RootCauses() {}

    /** The earliest member: when the members are symptoms of one cause, the first one seen. */
    static RootCauseHint earliest(List<Anomaly> ordered, String reason) {
        return hint(ordered.get(0), reason);
    }

    /**
     * The first member of a type that explains the others (an agent's loop explains its spend),
     * whatever the order they were detected in; the earliest member if none is of such a type.
     */
    static RootCauseHint firstOf(Set<String> causeTypes, List<Anomaly> ordered, String reason) {
        for (Anomaly a : ordered) {
            if (causeTypes.contains(a.anomalyType)) {
                return hint(a, reason);
            }
        }
        return earliest(ordered, reason);
    }

    /** Seconds from the first to the last member, for reasons and titles. */
    static long spanSeconds(List<Anomaly> ordered) {
        return (ordered.get(ordered.size() - 1).windowEnd - ordered.get(0).windowEnd) / 1000;
    }

    private static RootCauseHint hint(Anomaly a, String reason) {
        return new RootCauseHint(a.anomalyId, a.anomalyType, reason);
    }
}
