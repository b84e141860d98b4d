package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeState;
import io.llmsentinel.detectors.common.EpisodeTracker;
import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tenant budgets, keyed by tenant id: spend per calendar period (UTC), one {@code open} anomaly
 * when it reaches the warning share of the budget and one when it reaches the critical share, each
 * at most once per period, and their {@code resolved} records when the period ends and the budget
 * resets. "At most once" lives in keyed state, so it holds across restarts and savepoints.
 *
 * <p>The crossing is decided on the call that crosses, so the anomaly comes without waiting for a
 * window. Each period's state goes when its end-of-period timer fires; an event of a period that
 * has already closed is counted in {@code lateEvents} and ignored.
 */
public class BudgetFunction extends KeyedProcessFunction<String, CostCall, Anomaly> {
    /** State names: savepoints map state by them. Never change one. */
    public static final String PERIODS_STATE = "periods";

    private static final long serialVersionUID = 1L;

    static final String WARNING = "warning";
    static final String CRITICAL = "critical";

    private final BudgetRules rules;
    private final Map<String, List<Budget>> byTenant;
    private final EpisodeTracker tracker;

    private transient MapState<String, BudgetPeriodState> periods;
    private transient Counter lateEvents;

    public BudgetFunction(BudgetRules rules) {
        this.rules = rules;
        this.byTenant = rules.byTenant();
        // One clear evaluation, at the end of the period, resolves the episode.
        this.tracker =
                EpisodeTracker.of(CostAnomalies.DETECTOR, CostAnomalies.BUDGET_THRESHOLD)
                        .resolveAfter(1);
    }

    /** Lets through the events of tenants that have a budget (before the keyBy). */
    public static final class HasBudget implements FilterFunction<CostCall> {
        private static final long serialVersionUID = 1L;
        private final Set<String> tenants;

        public HasBudget(BudgetRules rules) {
            this.tenants = Set.copyOf(rules.byTenant().keySet());
        }

        @Override
        public boolean filter(CostCall e) {
            return e.tenantId != null && tenants.contains(e.tenantId);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        periods =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        PERIODS_STATE, String.class, BudgetPeriodState.class));
        lateEvents =
                getRuntimeContext().getMetricGroup().addGroup("sentinel").counter("lateEvents");
    }

    @Override
    public void processElement(CostCall e, Context ctx, Collector<Anomaly> out) throws Exception {
        List<Budget> budgets = byTenant.get(e.tenantId);
        if (budgets == null) {
            return;
        }
        long ts = e.eventTime;
        long watermark = ctx.timerService().currentWatermark();
        double cost = e.cost();
        for (Budget b : budgets) {
            long start = b.period().start(ts);
            long end = b.period().end(ts);
            if (end - 1 <= watermark) {
                lateEvents.inc();
                continue;
            }
            String entry = b.period().wire() + "@" + start;
            BudgetPeriodState p = periods.get(entry);
            if (p == null) {
                p = new BudgetPeriodState();
                p.period = b.period().wire();
                p.periodStart = start;
                p.periodEnd = end;
                ctx.timerService().registerEventTimeTimer(end - 1);
            }
            p.budgetUsd = b.amountUsd();
            p.spentUsd += cost;
            p.calls++;
            if (p.warningEventId == null && p.spentUsd >= b.amountUsd() * rules.warningShare()) {
                p.warningEventId = e.eventId == null ? "" : e.eventId;
                open(e.tenantId, p, WARNING, rules.warningShare(), ts, out);
            }
            if (p.criticalEventId == null && p.spentUsd >= b.amountUsd() * rules.criticalShare()) {
                p.criticalEventId = e.eventId == null ? "" : e.eventId;
                open(e.tenantId, p, CRITICAL, rules.criticalShare(), ts, out);
            }
            periods.put(entry, p);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        String tenant = ctx.getCurrentKey();
        List<String> ended = new ArrayList<>();
        for (Iterator<Map.Entry<String, BudgetPeriodState>> it = periods.iterator();
                it.hasNext(); ) {
            Map.Entry<String, BudgetPeriodState> entry = it.next();
            BudgetPeriodState p = entry.getValue();
            if (p.periodEnd - 1 <= timestamp) {
                resolve(tenant, p, WARNING, rules.warningShare(), out);
                resolve(tenant, p, CRITICAL, rules.criticalShare(), out);
                ended.add(entry.getKey());
            }
        }
        for (String key : ended) {
            periods.remove(key);
        }
    }

    private void open(
            String tenant,
            BudgetPeriodState p,
            String level,
            double share,
            long at,
            Collector<Anomaly> out) {
        EpisodeState episode = episode(p, level);
        EpisodeTransition t =
                tracker.observe(episode, subject(tenant, p, level), at, true, p.spentUsd);
        if (t == EpisodeTransition.OPENED) {
            out.collect(record(tenant, p, level, share, t, at));
        }
    }

    private void resolve(
            String tenant,
            BudgetPeriodState p,
            String level,
            double share,
            Collector<Anomaly> out) {
        EpisodeState episode = episode(p, level);
        if (!episode.open) {
            return;
        }
        EpisodeTransition t =
                tracker.observe(episode, subject(tenant, p, level), p.periodEnd, false, p.spentUsd);
        if (t == EpisodeTransition.RESOLVED) {
            out.collect(record(tenant, p, level, share, t, p.periodEnd));
        }
    }

    private static EpisodeState episode(BudgetPeriodState p, String level) {
        return WARNING.equals(level) ? p.warning : p.critical;
    }

    private static String subject(String tenant, BudgetPeriodState p, String level) {
        return SubjectKeys.of(tenant, p.period, level);
    }

    private Anomaly record(
            String tenant,
            BudgetPeriodState p,
            String level,
            double share,
            EpisodeTransition t,
            long at) {
        double threshold = p.budgetUsd * share;
        String eventId = WARNING.equals(level) ? p.warningEventId : p.criticalEventId;
        Evidence evidence =
                Evidence.create()
                        .id("period", p.period)
                        .id("level", level)
                        .number("budget_usd", p.budgetUsd)
                        .number("threshold_share", share)
                        .number("spent_usd", SpendSpikeFunction.round(p.spentUsd))
                        .number("spent_share", Math.round(p.spentUsd / p.budgetUsd * 1e4) / 1e4)
                        .number("period_calls", p.calls)
                        .number("period_start", p.periodStart)
                        .number("period_end", p.periodEnd);
        String summary =
                t == EpisodeTransition.OPENED
                        ? String.format(
                                Locale.ROOT,
                                "tenant %s spent $%.2f of its %s budget of $%.2f (%.0f%%, %s"
                                        + " threshold %.0f%%)",
                                tenant,
                                p.spentUsd,
                                p.period,
                                p.budgetUsd,
                                100 * p.spentUsd / p.budgetUsd,
                                level,
                                100 * share)
                        : String.format(
                                Locale.ROOT,
                                "tenant %s %s budget period ended at $%.2f of $%.2f; budget resets",
                                tenant,
                                p.period,
                                p.spentUsd,
                                p.budgetUsd);
        return AnomalyFactory.forTransition(tracker, t, episode(p, level))
                .severity(CRITICAL.equals(level) ? Severity.CRITICAL : Severity.WARNING)
                .score(p.spentUsd / p.budgetUsd)
                .tenantId(tenant)
                .window(p.periodStart, at)
                .detectedAt(at)
                .observedValue(p.spentUsd)
                .baselineValue(p.budgetUsd)
                .threshold(threshold)
                .summary(summary)
                .evidence(evidence)
                .sampleEventIds(eventId == null || eventId.isEmpty() ? List.of() : List.of(eventId))
                .build();
    }
}
