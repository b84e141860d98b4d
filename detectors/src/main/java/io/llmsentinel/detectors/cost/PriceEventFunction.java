package io.llmsentinel.detectors.cost;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices every event (see {@link EventPricer}) and forwards all of them as {@link CostCall}s: an
 * event the table cannot price goes on without a cost rather than being dropped, so the session and
 * token rules still see it.
 *
 * <p>Unpriced calls are made visible three ways: each unknown model is logged once per subtask;
 * metrics count them ({@code unknownModelEvents}, {@code unknownModels}, {@code
 * unpricedModelsToday}); and an {@code unpriced_model} anomaly per provider, model and UTC day goes
 * to the side output {@link #UNPRICED_MODELS} (see {@link UnpricedModels}), which the cost job
 * unions with its anomalies. The open model-days are operator state, so a restart neither forgets
 * to resolve them nor, within a day, opens them again.
 */
public class PriceEventFunction extends ProcessFunction<LlmEvent, CostCall>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PriceEventFunction.class);

    /** State names: savepoints map state by them. Never change one. */
    public static final String UNPRICED_MODEL_DAYS_STATE = "unpriced-model-days";

    /** The {@code unpriced_model} anomalies (open and resolved records). */
    public static final OutputTag<Anomaly> UNPRICED_MODELS =
            new OutputTag<>("cost-unpriced-models", TypeInformation.of(Anomaly.class));

    /** Bounds the memory of the "already reported" set if producers send garbage model names. */
    static final int MAX_REPORTED_MODELS = 1000;

    private final EventPricer pricer;
    private transient Set<String> reported;
    private transient UnpricedModels unpricedModels;
    private transient ListState<UnpricedModelDay> unpricedModelDays;
    private transient List<Anomaly> pending;
    private transient Counter priced;
    private transient Counter unknownModelEvents;
    private transient Counter unpricedModelAnomalies;

    public PriceEventFunction(EventPricer pricer) {
        this.pricer = pricer;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        unpricedModels = new UnpricedModels(pricer.tableVersion());
        unpricedModelDays =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        UNPRICED_MODEL_DAYS_STATE, UnpricedModelDay.class));
        if (context.isRestored()) {
            unpricedModels.restore(unpricedModelDays.get());
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        unpricedModelDays.update(new ArrayList<>(unpricedModels.openDays()));
    }

    @Override
    public void open(OpenContext openContext) {
        reported = new HashSet<>();
        pending = new ArrayList<>(2);
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("sentinel");
        priced = group.counter("pricedEvents");
        unknownModelEvents = group.counter("unknownModelEvents");
        unpricedModelAnomalies = group.counter("unpricedModelAnomalies");
        group.gauge("unknownModels", (Gauge<Integer>) () -> reported.size());
        group.gauge("unpricedModelsToday", (Gauge<Integer>) () -> unpricedModels.openDays().size());
    }

    @Override
    public void processElement(LlmEvent event, Context ctx, Collector<CostCall> out) {
        EventPricer.Outcome outcome = pricer.price(event);
        if (outcome == EventPricer.Outcome.PRICED) {
            priced.inc();
        }
        if (outcome == EventPricer.Outcome.UNKNOWN_MODEL) {
            unknownModelEvents.inc();
            reportOnce(EventPricer.modelName(event));
            String coverage = pricer.lookup(event).coverage().wireName();
            unpricedModels.unpriced(event, coverage, pending);
        } else {
            unpricedModels.advanceTo(event.eventTime, pending);
        }
        for (Anomaly a : pending) {
            unpricedModelAnomalies.inc();
            ctx.output(UNPRICED_MODELS, a);
        }
        pending.clear();
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
