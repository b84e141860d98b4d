package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.EventTimeOrderBuffer;
import io.llmsentinel.schema.Anomaly;
import java.util.Comparator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * What one message cannot show, keyed by actor ({@link SecuritySubjects#actor}): attack campaigns,
 * escalations and retries after refusal. The decisions are {@link AttackBehaviourDetector}'s; this
 * function keeps the state, orders the turns and keeps the timer.
 *
 * <p>Turns are applied in event-time order (buffered until the watermark); a late turn is counted
 * in {@code lateEvents} and applied at once (the rules judge it by its event time, not by when it
 * was applied). One timer per actor, at the earliest moment something can expire; the actor's state
 * goes when it holds no session, no open episode and no attack inside the campaign window. A record
 * whose times came out of order is sent with them put in order and counted in {@code
 * invertedWindows}: never expected, a bug to look into, but no reason to stop the job.
 */
public class AttackBehaviourFunction extends KeyedProcessFunction<String, TurnSignal, Anomaly> {
    /** State names: savepoints map state by them. Never change one. */
    public static final String ACTOR_STATE = "actor";

    public static final String SESSIONS_STATE = "sessions";
    public static final String PENDING_TURNS_STATE = "pending-turns";

    private final AttackBehaviourDetector detector;

    private transient ValueState<ActorState> actor;
    private transient ActorSessions sessions;
    private transient EventTimeOrderBuffer<TurnSignal> buffer;
    private transient Counter lateTurns;
    private transient Counter invertedWindows;

    public AttackBehaviourFunction(SecuritySettings settings) {
        this.detector = new AttackBehaviourDetector(settings);
    }

    @Override
    public void open(OpenContext openContext) {
        actor =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(ACTOR_STATE, ActorState.class));
        sessions =
                new MapStateSessions(
                        getRuntimeContext()
                                .getMapState(
                                        new MapStateDescriptor<>(
                                                SESSIONS_STATE,
                                                Types.STRING,
                                                Types.POJO(SessionTurns.class))));
        buffer =
                new EventTimeOrderBuffer<>(
                        getRuntimeContext()
                                .getMapState(
                                        new MapStateDescriptor<>(
                                                PENDING_TURNS_STATE,
                                                Types.LONG,
                                                Types.LIST(TypeInformation.of(TurnSignal.class)))),
                        Comparator.comparing((TurnSignal t) -> t.eventId == null ? "" : t.eventId));
        // the documented group every job's own metrics are in (docs/operations.md)
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("sentinel");
        lateTurns = metrics.counter("lateEvents");
        invertedWindows = metrics.counter("invertedWindows");
        detector.countInvertedWindowsIn(invertedWindows::inc);
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
            detector.expire(a, sessions, timestamp, out::collect);
            actor.update(a);
        }
        if (detector.holdsNothing(a)) {
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
            a = AttackBehaviourDetector.newActor(t);
        }
        detector.observe(actorKey, a, sessions, t, out::collect);
        actor.update(a);
        return a;
    }

    /** Moves the actor's one timer to {@link AttackBehaviourDetector#nextCheck}. */
    private void reschedule(ActorState a, TimerService timers) throws Exception {
        long next = detector.nextCheck(a, sessions);
        if (next != a.checkAt) {
            if (a.checkAt != ActorState.NONE) {
                timers.deleteEventTimeTimer(a.checkAt);
            }
            a.checkAt = next;
            timers.registerEventTimeTimer(next);
            actor.update(a);
        }
    }

    /** The current actor's sessions in keyed map state. */
    private static final class MapStateSessions implements ActorSessions {
        private final MapState<String, SessionTurns> state;

        MapStateSessions(MapState<String, SessionTurns> state) {
            this.state = state;
        }

        @Override
        public SessionTurns get(String sessionId) throws Exception {
            return state.get(sessionId);
        }

        @Override
        public void put(String sessionId, SessionTurns session) throws Exception {
            state.put(sessionId, session);
        }

        @Override
        public void remove(String sessionId) throws Exception {
            state.remove(sessionId);
        }

        @Override
        public Iterable<Map.Entry<String, SessionTurns>> entries() throws Exception {
            return state.entries();
        }
    }
}
