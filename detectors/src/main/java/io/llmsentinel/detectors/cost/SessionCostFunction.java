package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeState;
import io.llmsentinel.detectors.common.EpisodeTracker;
import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.detectors.common.EventTimeOrderBuffer;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.IdleEpisodes;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import java.util.Comparator;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The per-session rules, keyed by {@link #key}: a <b>runaway session</b> (more calls or tokens in a
 * sliding window than the limits, the typical agent loop) and <b>input-token bloat</b> (input
 * setting new maxima call after call without the context ever being trimmed). Both are evaluated on
 * every call, so a loop is caught within a few calls of crossing a limit.
 *
 * <p>Sessions churn heavily: all state of a session goes when it has been idle for the idle
 * timeout, after its open episodes are resolved; the only timer a session ever has is that one.
 * Events behind the watermark are counted in {@code lateEvents} and still counted in the window
 * (the window slides with the session's newest call, not with the watermark).
 */
public class SessionCostFunction extends KeyedProcessFunction<String, CostCall, Anomaly> {
    /** State names: savepoints map state by them. Never change one. */
    public static final String SESSION_STATE = "session";

    public static final String PENDING_CALLS_STATE = "pending-calls";

    private static final long serialVersionUID = 1L;

    static final String SESSION = "session";
    static final String CONVERSATION = "conversation";

    private final SessionRules rules;
    private final EpisodeTracker runawayTracker;
    private final EpisodeTracker bloatTracker;

    private transient ValueState<SessionState> state;
    private transient EventTimeOrderBuffer<CostCall> pending;
    private transient Counter lateEvents;

    public SessionCostFunction(SessionRules rules) {
        this.rules = rules;
        this.runawayTracker =
                EpisodeTracker.of(CostAnomalies.DETECTOR, CostAnomalies.RUNAWAY_SESSION);
        this.bloatTracker =
                EpisodeTracker.of(CostAnomalies.DETECTOR, CostAnomalies.INPUT_TOKEN_BLOAT);
    }

    /** Whether the event belongs to a session or, failing that, a conversation. */
    public static boolean accepts(CostCall e) {
        return e.sessionId != null || e.conversationId != null;
    }

    /** The session id, or the conversation id for calls outside sessions, within the tenant. */
    public static String key(CostCall e) {
        return e.sessionId != null
                ? SubjectKeys.of(e.tenantId, SESSION, e.sessionId)
                : SubjectKeys.of(e.tenantId, CONVERSATION, e.conversationId);
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(SESSION_STATE, SessionState.class));
        pending =
                new EventTimeOrderBuffer<>(
                        getRuntimeContext()
                                .getMapState(
                                        new MapStateDescriptor<>(
                                                PENDING_CALLS_STATE,
                                                Types.LONG,
                                                Types.LIST(TypeInformation.of(CostCall.class)))),
                        // same event time: a fixed order, so every replay applies them alike
                        Comparator.comparing(c -> c.eventId == null ? "" : c.eventId));
        lateEvents =
                getRuntimeContext().getMetricGroup().addGroup("sentinel").counter("lateEvents");
    }

    @Override
    /**
     * Buffers the call until the watermark passes its time: the session rules depend on call order,
     * and the interleaving of partitions differs between runs, so applying calls in arrival order
     * would make replays of the same input disagree.
     */
    public void processElement(CostCall e, Context ctx, Collector<Anomaly> out) throws Exception {
        if (!pending.offer(e, e.eventTime, ctx.timerService())) {
            lateEvents.inc();
            apply(e, ctx.getCurrentKey(), ctx.timerService(), out);
        }
    }

    private void apply(CostCall e, String key, TimerService timers, Collector<Anomaly> out)
            throws Exception {
        long ts = e.eventTime;
        SessionState s = state.value();
        if (s == null) {
            s = newState(e);
        }
        s.totalCalls++;
        s.lastSeen = Math.max(s.lastSeen, ts);
        s.remember(e.eventId);
        s.window.add(Math.floorDiv(ts, rules.bucketMs()), e.tokens());

        long calls = s.window.totalCalls();
        long tokens = s.window.totalTokens();
        boolean runaway = rules.runawayBreached(calls, tokens, s.runaway.open);
        EpisodeTransition t = runawayTracker.observe(s.runaway, key, ts, runaway, calls);
        if (t == EpisodeTransition.OPENED) {
            boolean critical = rules.runawayLoad(calls, tokens) >= rules.criticalFactor();
            s.runawaySeverity = (critical ? Severity.CRITICAL : Severity.WARNING).wire();
        }
        if (t != EpisodeTransition.NONE) {
            out.collect(runawayRecord(s, t, ts));
        }

        if (e.inputTokens != null && s.growth.observe(ts, e.inputTokens)) {
            boolean bloated = rules.bloatBreached(s.growth);
            EpisodeTransition b =
                    bloatTracker.observe(s.bloat, key, ts, bloated, s.growth.maxInput);
            if (b == EpisodeTransition.OPENED) {
                boolean critical = s.growth.maxInput >= rules.bloatCriticalInputTokens();
                s.bloatSeverity = (critical ? Severity.CRITICAL : Severity.WARNING).wire();
            }
            if (b != EpisodeTransition.NONE) {
                out.collect(bloatRecord(s, b, ts));
            }
        }

        if (s.cleanupAt == WindowedKeyState.NONE) {
            s.cleanupAt = s.lastSeen + rules.idleTimeoutMs();
            timers.registerEventTimeTimer(s.cleanupAt);
        }
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        for (CostCall c : pending.take(timestamp)) {
            apply(c, ctx.getCurrentKey(), ctx.timerService(), out);
        }
        SessionState s = state.value();
        if (s == null || timestamp != s.cleanupAt) {
            return;
        }
        if (s.lastSeen + rules.idleTimeoutMs() > timestamp) {
            s.cleanupAt = s.lastSeen + rules.idleTimeoutMs();
            ctx.timerService().registerEventTimeTimer(s.cleanupAt);
            state.update(s);
            return;
        }
        String key = ctx.getCurrentKey();
        if (IdleEpisodes.resolve(runawayTracker, s.runaway, key, timestamp)
                == EpisodeTransition.RESOLVED) {
            out.collect(runawayRecord(s, EpisodeTransition.RESOLVED, timestamp));
        }
        if (IdleEpisodes.resolve(bloatTracker, s.bloat, key, timestamp)
                == EpisodeTransition.RESOLVED) {
            out.collect(bloatRecord(s, EpisodeTransition.RESOLVED, timestamp));
        }
        state.clear();
    }

    private static SessionState newState(CostCall e) {
        SessionState s = new SessionState();
        s.tenantId = e.tenantId;
        s.userId = e.userId;
        s.keyKind = e.sessionId != null ? SESSION : CONVERSATION;
        s.sessionId = e.sessionId != null ? e.sessionId : e.conversationId;
        s.serviceName = e.serviceName;
        s.providerName = e.providerName;
        s.model = e.requestModel;
        s.firstSeen = e.eventTime;
        return s;
    }

    private Anomaly runawayRecord(SessionState s, EpisodeTransition t, long at) {
        long calls = s.window.totalCalls();
        long tokens = s.window.totalTokens();
        long minutes = rules.windowMs() / 60_000;
        Evidence evidence =
                base(s).number("window_minutes", minutes)
                        .number("window_calls", calls)
                        .number("window_tokens", tokens)
                        .number("max_calls", rules.maxCalls())
                        .number("max_tokens", rules.maxTokens())
                        .number("session_calls", s.totalCalls)
                        .number("session_age_s", (s.lastSeen - s.firstSeen) / 1000);
        String summary;
        if (t == EpisodeTransition.OPENED) {
            summary =
                    String.format(
                            Locale.ROOT,
                            "%s %s made %d calls with %d tokens in %d min (limits %d calls, %d"
                                    + " tokens)",
                            s.keyKind,
                            s.sessionId,
                            calls,
                            tokens,
                            minutes,
                            rules.maxCalls(),
                            rules.maxTokens());
        } else {
            evidence.number("peak_window_calls", (long) s.runaway.peakValue);
            summary =
                    String.format(
                            Locale.ROOT,
                            "%s %s calm again after %d calls in total (peak %d calls in %d min)",
                            s.keyKind,
                            s.sessionId,
                            s.totalCalls,
                            (long) s.runaway.peakValue,
                            minutes);
        }
        long windowStart =
                t == EpisodeTransition.OPENED
                        ? Math.max(s.firstSeen, at - rules.windowMs())
                        : s.runaway.openedAt;
        return record(
                        runawayTracker,
                        t,
                        s.runaway,
                        s.runawaySeverity,
                        s,
                        Math.min(windowStart, at),
                        at)
                .score(rules.runawayLoad(calls, tokens))
                .observedValue(calls)
                .threshold(rules.maxCalls())
                .summary(summary)
                .evidence(evidence)
                .build();
    }

    private Anomaly bloatRecord(SessionState s, EpisodeTransition t, long at) {
        ContextGrowth g = s.growth;
        Evidence evidence =
                base(s).number("first_input_tokens", g.firstInput)
                        .number("max_input_tokens", g.maxInput)
                        .number("growth_factor", Math.round(g.growthFactor() * 100) / 100.0)
                        .number("growth_steps", g.newMaxima)
                        .number("min_growth_steps", rules.bloatMinGrowthSteps())
                        .number("session_calls", s.totalCalls);
        String summary =
                t == EpisodeTransition.OPENED
                        ? String.format(
                                Locale.ROOT,
                                "%s %s input grew on %d calls from %d to %d tokens (x%.1f)",
                                s.keyKind,
                                s.sessionId,
                                g.newMaxima,
                                g.firstInput,
                                g.maxInput,
                                g.growthFactor())
                        : String.format(
                                Locale.ROOT,
                                "%s %s input no longer growing (peak %d tokens)",
                                s.keyKind,
                                s.sessionId,
                                (long) s.bloat.peakValue);
        long windowStart = t == EpisodeTransition.OPENED ? s.firstSeen : s.bloat.openedAt;
        return record(bloatTracker, t, s.bloat, s.bloatSeverity, s, Math.min(windowStart, at), at)
                .score(g.growthFactor())
                .observedValue(g.maxInput)
                .baselineValue(g.firstInput)
                .threshold(rules.bloatMinInputTokens())
                .summary(summary)
                .evidence(evidence)
                .build();
    }

    private static Evidence base(SessionState s) {
        return Evidence.create().id("key_kind", s.keyKind).id("service", s.serviceName);
    }

    private static AnomalyFactory.Builder record(
            EpisodeTracker tracker,
            EpisodeTransition t,
            EpisodeState episode,
            String severity,
            SessionState s,
            long windowStart,
            long at) {
        return AnomalyFactory.forTransition(tracker, t, episode)
                .severity(Severity.fromWire(severity))
                .tenantId(s.tenantId)
                .userId(s.userId)
                .sessionId(s.sessionId)
                .serviceName(s.serviceName)
                .providerName(s.providerName)
                .model(s.model)
                .window(windowStart, at)
                .detectedAt(at)
                .sampleEventIds(s.recentEventIds);
    }
}
