package io.llmsentinel.detectors.latency;

import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.LlmEvent;
import java.util.List;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys events by the configured dimensions, as a {@link SubjectKeys} string (no Kryo). */
public final class RouteKeySelector implements KeySelector<LlmEvent, String> {
    private static final long serialVersionUID = 1L;

    private final KeyDimension[] dimensions;

    public RouteKeySelector(List<KeyDimension> dimensions) {
        this.dimensions = dimensions.toArray(new KeyDimension[0]);
    }

    @Override
    public String getKey(LlmEvent e) {
        String[] parts = new String[dimensions.length];
        for (int i = 0; i < dimensions.length; i++) {
            parts[i] = dimensions[i].value(e);
        }
        return SubjectKeys.of(parts);
    }
}
