package io.llmsentinel.detectors.cost;

import io.llmsentinel.schema.LlmEvent;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices every event (see {@link EventPricer}) and forwards all of them as {@link CostCall}s: an
 * event the table cannot price goes on without a cost rather than being dropped, so the session and
 * token rules still see it. Each unknown model is logged once per subtask and counted in metrics,
 * which is how an operator learns that the pricing table needs an entry.
 */
public class PriceEventFunction extends ProcessFunction<LlmEvent, CostCall> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PriceEventFunction.class);

    /** Bounds the memory of the "already reported" set if producers send garbage model names. */
    static final int MAX_REPORTED_MODELS = 1000;

    private final EventPricer pricer;
    private transient Set<String> reported;
    private transient Counter priced;
    private transient Counter unknownModelEvents;

    public PriceEventFunction(EventPricer pricer) {
        this.pricer = pricer;
    }

    @Override
    public void open(OpenContext openContext) {
        reported = new HashSet<>();
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("sentinel");
        priced = group.counter("pricedEvents");
        unknownModelEvents = group.counter("unknownModelEvents");
        group.gauge("unknownModels", (Gauge<Integer>) () -> reported.size());
    }

    @Override
    public void processElement(LlmEvent event, Context ctx, Collector<CostCall> out) {
        EventPricer.Outcome outcome = pricer.price(event);
        if (outcome == EventPricer.Outcome.PRICED) {
            priced.inc();
        } else if (outcome == EventPricer.Outcome.UNKNOWN_MODEL) {
            unknownModelEvents.inc();
            reportOnce(EventPricer.modelName(event));
        }
        out.collect(CostCall.of(event));
    }

    private void reportOnce(String model) {
        if (reported.size() < MAX_REPORTED_MODELS && reported.add(model)) {
            LOG.warn(
                    "No price for model {} in pricing table {}: its calls pass on without cost_usd"
                            + " and count as free in spend rules; add it to the pricing file",
                    model,
                    pricer.tableVersion());
        }
    }

    /** Distinct unknown models reported by this subtask (for tests). */
    int reportedModels() {
        return reported.size();
    }
}
