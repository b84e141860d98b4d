package io.llmsentinel.cep;

import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Keys anomalies by the subject they are about: service and model, either of which may be null. A
 * String key, so Flink serialises it without Kryo.
 */
public final class AnomalySubjectKey implements KeySelector<Anomaly, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Anomaly anomaly) {
        return of(anomaly);
    }

    public static String of(Anomaly anomaly) {
        return SubjectKeys.of(anomaly.serviceName, anomaly.model);
    }
}
