package io.llmsentinel.jobs.cost;

import io.llmsentinel.detectors.cost.BudgetFunction;
import io.llmsentinel.detectors.cost.CostCall;
import io.llmsentinel.detectors.cost.EventPricer;
import io.llmsentinel.detectors.cost.FinishLengthSurgeFunction;
import io.llmsentinel.detectors.cost.PriceEventFunction;
import io.llmsentinel.detectors.cost.SessionCostFunction;
import io.llmsentinel.detectors.cost.SpendScope;
import io.llmsentinel.detectors.cost.SpendSpikeFunction;
import io.llmsentinel.jobs.DetectorJob;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The cost job: canonical events in, cost anomalies out. Calls are priced once (pricing table) and
 * cut down to what the rules read ({@link CostCall}), then six keyed rules run side by side, each
 * on its own key: spend spikes per tenant, per user and per model; runaway sessions and input bloat
 * per session; max_tokens surges per model; budgets per tenant. Their anomalies form one stream.
 *
 * <p>{@link #build} holds the whole graph and takes its input as a stream, so the Kafka job, the
 * tests and replay run the very same operators. The uids below are what savepoints map state by:
 * never change one.
 */
public final class CostJob {
    public static final String NAME = "cost";

    /** The job as the launchers, replay and the benchmarks see it. */
    public static final SentinelJob<LlmEvent, CostConfig, DataStream<Anomaly>> JOB =
            DetectorJob.of(NAME, CostOptions.class, CostConfig::from, CostJob::build);

    private CostJob() {}

    public static DataStream<Anomaly> build(DataStream<LlmEvent> events, CostConfig config) {
        DataStream<CostCall> priced =
                events.process(new PriceEventFunction(new EventPricer(config.pricing())))
                        .uid("cost-pricing")
                        .name("Price calls (pricing table " + config.pricing().version() + ")");

        long baselineMs = config.spend().baselineWindows() * config.spend().windowMs();
        String spendWindows =
                " ("
                        + duration(config.spend().windowMs())
                        + " vs "
                        + duration(baselineMs)
                        + " baseline)";
        DataStream<Anomaly> anomalies = null;
        for (SpendScope scope : SpendScope.values()) {
            DataStream<Anomaly> spikes =
                    priced.filter(scope::accepts)
                            .uid("cost-spend-" + scope.wire() + "-filter")
                            .name("Calls with a " + scope.wire())
                            .keyBy(scope::key, Types.STRING)
                            .process(new SpendSpikeFunction(scope, config.spend(scope)))
                            .uid("cost-spend-" + scope.wire())
                            .name("Spend spike per " + scope.wire() + spendWindows);
            anomalies = anomalies == null ? spikes : anomalies.union(spikes);
        }

        DataStream<Anomaly> sessions =
                priced.filter(SessionCostFunction::accepts)
                        .uid("cost-session-filter")
                        .name("Calls with a session or conversation")
                        .keyBy(SessionCostFunction::key, Types.STRING)
                        .process(new SessionCostFunction(config.sessions()))
                        .uid("cost-session")
                        .name(
                                "Runaway session and input bloat per session ("
                                        + duration(config.sessions().windowMs())
                                        + " sliding)");

        DataStream<Anomaly> truncation =
                priced.filter(FinishLengthSurgeFunction::accepts)
                        .uid("cost-finish-length-filter")
                        .name("Answers with a finish reason")
                        .keyBy(FinishLengthSurgeFunction::key, Types.STRING)
                        .process(new FinishLengthSurgeFunction(config.finishLength()))
                        .uid("cost-finish-length")
                        .name(
                                "max_tokens surge per model ("
                                        + duration(config.finishLength().windowMs())
                                        + ")");

        DataStream<Anomaly> budgets =
                priced.filter(new BudgetFunction.HasBudget(config.budgets()))
                        .uid("cost-budget-filter")
                        .name("Calls of tenants with a budget")
                        .keyBy((CostCall c) -> c.tenantId, Types.STRING)
                        .process(new BudgetFunction(config.budgets()))
                        .uid("cost-budget")
                        .name("Budgets per tenant (" + config.budgets().budgets().size() + ")");

        return anomalies.union(sessions, truncation, budgets);
    }

    /** For operator names: "10 min", "24 h", "90 s". */
    private static String duration(long ms) {
        Duration d = Duration.ofMillis(ms);
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + " h";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
