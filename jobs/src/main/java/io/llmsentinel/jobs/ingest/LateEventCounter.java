package io.llmsentinel.jobs.ingest;

import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts events that arrive behind the watermark. Ingest forwards them anyway (it holds no
 * windows); the count tells operators whether the configured out-of-orderness is too tight before
 * the detectors downstream start dropping late data.
 */
public class LateEventCounter extends ProcessFunction<LlmEvent, LlmEvent> {
    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().addGroup("sentinel").counter("lateEvents");
    }

    @Override
    public void processElement(LlmEvent event, Context ctx, Collector<LlmEvent> out) {
        if (event.eventTime < ctx.timerService().currentWatermark()) {
            late.inc();
        }
        out.collect(event);
    }
}
