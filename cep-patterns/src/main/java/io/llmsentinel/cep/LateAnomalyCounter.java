package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Counts the anomalies a CEP operator received behind its watermark and passes them on. Flink CEP
 * (2.2) counts late records in {@code numLateRecordsDropped} only when it drops them: once a late
 * side output is set, as {@link PatternStreams} does so that none is lost, that counter stays at
 * zero, and this one ({@value #METRIC} in the {@value #GROUP} group) takes its place.
 */
final class LateAnomalyCounter extends RichMapFunction<Anomaly, Anomaly> {
    private static final long serialVersionUID = 1L;

    static final String GROUP = "sentinel";
    static final String METRIC = "lateAnomalies";

    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().addGroup(GROUP).counter(METRIC);
    }

    @Override
    public Anomaly map(Anomaly a) {
        late.inc();
        return a;
    }
}
