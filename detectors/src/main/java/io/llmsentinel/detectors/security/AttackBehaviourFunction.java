package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.detectors.common.EventTimeOrderBuffer;
import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
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
 * What one message cannot show, keyed by actor ({@link SecuritySubjects#actor}):
 *
 * <ul>
 *   <li><b>campaign</b>: {@code campaignAttempts} attacks within {@code campaignWindowMs}; one
 *       episode, however long the actor keeps trying, resolved after a quiet campaign window;
 *   <li><b>escalation</b>: within a session, the prompt scores of {@code escalationTurns}
 *       consecutive turns rise strictly, by {@code escalationMinRise} in total, ending in an attack
 *       (the "crescendo": harmless questions turning hostile);
 *   <li><b>retry after refusal</b>: an attack within {@code retryWindowMs} after the model refused
 *       in the same session.
 * </ul>
 *
 * Escalation and retry are one episode per actor, however many sessions it burns through, each
 * resolved {@code quietMs} after its last occurrence. Turns are applied in event-time order
 * (buffered until the watermark). A session is forgotten {@code sessionIdleMs} after its last turn;
 * the actor's state goes when it holds no session, no open episode and no attack inside the
 * campaign window.
 */
public class AttackBehaviourFunction extends KeyedProcessFunction<String, TurnSignal, Anomaly> {
    /** State names: savepoints map state by them. Never change one. */
    public static final String ACTOR_STATE = "actor";

    public static final String SESSIONS_STATE = "sessions";
    public static final String PENDING_TURNS_STATE = "pending-turns";

    private final SecuritySettings settings;
    private final CampaignRule campaign;
    private final EscalationRule escalation;
    private final RetryAfterRefusalRule retry;
    private final AttackBehaviourRecords records;

    private transient ValueState<ActorState> actor;
    private transient MapState<String, SessionTurns> sessions;
    private transient EventTimeOrderBuffer<TurnSignal> buffer;
    private transient Counter lateTurns;

    public AttackBehaviourFunction(SecuritySettings settings) {
        this.settings = settings;
        this.campaign = new CampaignRule(settings);
        this.escalation = new EscalationRule(settings);
        this.retry = new RetryAfterRefusalRule(settings);
        this.records = new AttackBehaviourRecords(settings);
    }

    @Override
    public void open(OpenContext openContext) {
        actor =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(ACTOR_STATE, ActorState.class));
        sessions =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        SESSIONS_STATE,
                                        Types.STRING,
                                        Types.POJO(SessionTurns.class)));
        buffer =
                new EventTimeOrderBuffer<>(
                        getRuntimeContext()
                                .getMapState(
                                        new MapStateDescriptor<>(
                                                PENDING_TURNS_STATE,
                                                Types.LONG,
                                                Types.LIST(TypeInformation.of(TurnSignal.class)))),
                        Comparator.comparing((TurnSignal t) -> t.eventId == null ? "" : t.eventId));
        lateTurns = getRuntimeContext().getMetricGroup().addGroup("sentinel").counter("lateEvents");
    }

    @Override
    public void processElement(TurnSignal t, Context ctx, Collector<Anomaly> out) throws Exception {
        if (!buffer.offer(t, t.eventTime, ctx.timerService())) {
            lateTurns.inc();
            ActorState a = apply(t, ctx.getCurrentKey(), out);
            reschedule(a, ctx.timerService());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        ActorState a = actor.value();
        for (TurnSignal t : buffer.take(timestamp)) {
            a = apply(t, ctx.getCurrentKey(), out);
        }
        if (a == null) {
            return;
        }
        if (timestamp >= a.checkAt) {
            expire(a, timestamp, out);
        }
        if (a.sessions == 0
                && !a.campaignOpen()
                && a.recentAttacks.isEmpty()
                && a.escalation == null
                && a.retry == null) {
            if (a.checkAt != ActorState.NONE) {
                ctx.timerService().deleteEventTimeTimer(a.checkAt);
            }
            actor.clear();
            return;
        }
        reschedule(a, ctx.timerService());
    }

    private ActorState apply(TurnSignal t, String actorKey, Collector<Anomaly> out)
            throws Exception {
        ActorState a = actor.value();
        if (a == null) {
            a = new ActorState();
            a.tenantId = t.tenantId;
            a.userId = t.userId;
            a.serviceName = t.serviceName;
        }
        a.lastTurnAt = Math.max(a.lastTurnAt, t.eventTime);
        if (t.attack) {
            observeAttack(a, t, actorKey, out);
        }
        if (t.sessionId != null) {
            observeTurn(a, t, actorKey, out);
        }
        actor.update(a);
        return a;
    }

    private void observeAttack(
            ActorState a, TurnSignal t, String actorKey, Collector<Anomaly> out) {
        if (campaign.observeAttack(a, t, actorKey) == EpisodeTransition.OPENED) {
            out.collect(records.campaignOpened(a, t));
        }
    }

    private void observeTurn(ActorState a, TurnSignal t, String actorKey, Collector<Anomaly> out)
            throws Exception {
        SessionTurns s = sessions.get(t.sessionId);
        if (s == null) {
            s = new SessionTurns();
            a.sessions++;
            if (a.sessions > settings.maxSessionsPerActor()) {
                dropLongestIdleSession(a);
            }
        }
        s.turns++;

        if (retry.observeTurn(a, s, t, actorKey) == EpisodeTransition.OPENED) {
            out.collect(records.retryOpened(a, s, t));
        }
        if (escalation.observeTurn(a, s, t, actorKey) == EpisodeTransition.OPENED) {
            out.collect(records.escalationOpened(a, s, t));
        }

        if (t.refused) {
            s.lastRefusalAt = Math.max(s.lastRefusalAt, t.eventTime);
        }
        s.lastTurnAt = Math.max(s.lastTurnAt, t.eventTime);
        sessions.put(t.sessionId, s);
    }

    /** Resolves what went quiet by {@code now}: the campaign, the episodes, idle sessions. */
    private void expire(ActorState a, long now, Collector<Anomaly> out) throws Exception {
        if (campaign.quietBy(a, now)) {
            if (a.campaignOpen()) {
                out.collect(records.campaignResolved(a, now));
            }
            campaign.end(a);
        }
        for (ActorEpisodeRule rule : List.of(escalation, retry)) {
            if (rule.quietBy(a, now)) {
                out.collect(records.episodeResolved(a, rule.episode(a), rule.anomalyType(), now));
                rule.end(a);
            }
        }
        List<String> idle = new ArrayList<>();
        for (Map.Entry<String, SessionTurns> e : sessions.entries()) {
            if (now - e.getValue().lastTurnAt >= settings.sessionIdleMs()) {
                idle.add(e.getKey());
            }
        }
        for (String id : idle) {
            sessions.remove(id);
            a.sessions--;
        }
        actor.update(a);
    }

    private void dropLongestIdleSession(ActorState a) throws Exception {
        String oldestId = null;
        long oldestAt = Long.MAX_VALUE;
        for (Map.Entry<String, SessionTurns> e : sessions.entries()) {
            if (e.getValue().lastTurnAt < oldestAt) {
                oldestAt = e.getValue().lastTurnAt;
                oldestId = e.getKey();
            }
        }
        if (oldestId != null) {
            sessions.remove(oldestId);
            a.sessions--;
        }
    }

    /** One timer per actor, at the earliest moment something can expire. */
    private void reschedule(ActorState a, TimerService timers) throws Exception {
        long next = campaign.deadline(a);
        next = Math.min(next, escalation.deadline(a));
        next = Math.min(next, retry.deadline(a));
        for (SessionTurns s : sessions.values()) {
            next = Math.min(next, s.lastTurnAt + settings.sessionIdleMs());
        }
        if (next == Long.MAX_VALUE) {
            // nothing can expire: the actor holds no attack and no session
            next = a.lastTurnAt;
        }
        if (next != a.checkAt) {
            if (a.checkAt != ActorState.NONE) {
                timers.deleteEventTimeTimer(a.checkAt);
            }
            a.checkAt = next;
            timers.registerEventTimeTimer(next);
            actor.update(a);
        }
    }
}
