package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import java.util.Objects;
import org.apache.flink.api.common.functions.FilterFunction;

/**
 * Lets through only the anomalies that could be members of one pattern ({@link
 * IncidentPattern#accepts}): the others would be shipped to the CEP operator, buffered in its state
 * until the watermark and then thrown away. It also keeps anomalies without the pattern's subject
 * away from a key made of nulls.
 */
final class PatternCandidates implements FilterFunction<Anomaly> {
    private static final long serialVersionUID = 1L;

    private final IncidentPattern pattern;

    PatternCandidates(IncidentPattern pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public boolean filter(Anomaly a) {
        return pattern.accepts(a);
    }
}
