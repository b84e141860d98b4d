package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import java.util.Comparator;
import org.apache.flink.cep.EventComparator;

/**
 * Orders anomalies that carry the same event timestamp, which CEP otherwise sees in arrival order.
 * A fixed order makes matches, and so match ids, the same on every replay.
 */
final class AnomalyOrder implements EventComparator<Anomaly> {
    private static final long serialVersionUID = 1L;

    private static final Comparator<Anomaly> ORDER =
            Comparator.<Anomaly>comparingLong(a -> a.detectedAt)
                    .thenComparing(
                            a -> a.anomalyId, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compare(Anomaly a, Anomaly b) {
        return ORDER.compare(a, b);
    }
}
