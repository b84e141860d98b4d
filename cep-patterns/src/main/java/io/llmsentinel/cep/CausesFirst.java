package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import java.util.Set;
import org.apache.flink.cep.EventComparator;

/**
 * Orders anomalies of the same event timestamp with the causes of a "cause, then effect" pattern
 * first, then by {@link AnomalyOrder}. One call can open both members at once (an extraction prompt
 * whose answer leaks the canary; one drift evaluation that sees the model swap and the length
 * shift): without this, the hash-like anomaly ids would decide whether the effect came "before" its
 * cause, and the match would be lost.
 */
final class CausesFirst implements EventComparator<Anomaly> {
    private static final long serialVersionUID = 1L;

    private final Set<String> causeTypes;
    private final AnomalyOrder then = new AnomalyOrder();

    CausesFirst(Set<String> causeTypes) {
        this.causeTypes = Set.copyOf(causeTypes);
    }

    @Override
    public int compare(Anomaly a, Anomaly b) {
        int byRole = Integer.compare(rank(a), rank(b));
        return byRole != 0 ? byRole : then.compare(a, b);
    }

    private int rank(Anomaly a) {
        return causeTypes.contains(a.anomalyType) ? 0 : 1;
    }
}
