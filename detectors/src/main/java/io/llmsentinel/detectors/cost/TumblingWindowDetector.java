package io.llmsentinel.detectors.cost;

import io.llmsentinel.schema.Anomaly;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Event-time tumbling windows per key, evaluated one by one against a per-key baseline, with the
 * timer and cleanup rules the cost rules share:
 *
 * <ul>
 *   <li>each window with events gets one timer at its last millisecond; windows are kept in a
 *       MapState so events of the next window may arrive (within the watermark's out-of-orderness)
 *       before the previous one is evaluated;
 *   <li>windows without events cost nothing: a subclass folds them into its baseline when the next
 *       window with events is evaluated; only while an episode is open is an empty window evaluated
 *       on a timer, so that the episode can resolve when the traffic stops;
 *   <li>a key without events for the idle timeout loses all its state and has no timer left: one
 *       expiry timer per key, moved forward lazily (re-registered when it fires early) rather than
 *       deleted and re-registered on every event;
 *   <li>events of a window already evaluated are late: counted in {@code lateEvents}, not used.
 * </ul>
 *
 * <p>Per event only the window accumulator is read and written; the key state is touched once per
 * window (RocksDB reads and writes dominate the cost of a keyed rule).
 *
 * @param <S> per-key state
 * @param <W> per-window accumulator
 */
public abstract class TumblingWindowDetector<S extends WindowedKeyState, W>
        extends KeyedProcessFunction<String, CostCall, Anomaly> {
    /** State names: savepoints map state by them. Never change one. */
    public static final String KEY_STATE = "state";

    public static final String WINDOWS_STATE = "windows";

    private static final long serialVersionUID = 1L;

    protected final long windowMs;
    protected final long idleTimeoutMs;
    private final Class<S> stateClass;
    private final Class<W> windowClass;

    private transient ValueState<S> state;
    private transient MapState<Long, W> windows;
    private transient Counter lateEvents;

    protected TumblingWindowDetector(
            long windowMs, long idleTimeoutMs, Class<S> stateClass, Class<W> windowClass) {
        if (idleTimeoutMs < 2 * windowMs) {
            throw new IllegalArgumentException("the idle timeout must be at least two windows");
        }
        this.windowMs = windowMs;
        this.idleTimeoutMs = idleTimeoutMs;
        this.stateClass = stateClass;
        this.windowClass = windowClass;
    }

    /** A fresh state for a key whose first (on-time) event is {@code first}. */
    protected abstract S newState(CostCall first);

    protected abstract W newWindow();

    protected abstract void addToWindow(W window, CostCall event);

    /**
     * Evaluates the window starting at {@code windowStart}; {@code window} is null for a window
     * without events. Windows arrive in order; the subclass updates its baseline and emits the
     * episode's records.
     */
    protected abstract void evaluate(
            S state, long windowStart, W window, String key, Collector<Anomaly> out);

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>(KEY_STATE, stateClass));
        windows =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(WINDOWS_STATE, Long.class, windowClass));
        lateEvents =
                getRuntimeContext().getMetricGroup().addGroup("sentinel").counter("lateEvents");
    }

    @Override
    public void processElement(CostCall event, Context ctx, Collector<Anomaly> out)
            throws Exception {
        long start = Math.floorDiv(event.eventTime, windowMs) * windowMs;
        long lastMs = start + windowMs - 1;
        TimerService timers = ctx.timerService();
        // A window is evaluated when the watermark passes its last millisecond: behind the
        // watermark means evaluated already (or about to be, for a key that has expired).
        if (lastMs <= timers.currentWatermark()) {
            lateEvents.inc();
            return;
        }
        W window = windows.get(start);
        if (window == null) {
            // Once per key and window, not per event: the key state is only read here.
            window = newWindow();
            timers.registerEventTimeTimer(lastMs);
            S s = state.value();
            boolean changed = s == null;
            if (s == null) {
                s = newState(event);
            }
            if (s.cleanupAt == WindowedKeyState.NONE) {
                s.cleanupAt = lastMs + idleTimeoutMs;
                timers.registerEventTimeTimer(s.cleanupAt);
                changed = true;
            }
            if (changed) {
                state.update(s);
            }
        }
        addToWindow(window, event);
        windows.put(start, window);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        S s = state.value();
        if (s == null) {
            return;
        }
        String key = ctx.getCurrentKey();
        long start = timestamp + 1 - windowMs;
        boolean windowEnd = Math.floorMod(timestamp + 1, windowMs) == 0;
        if (windowEnd && start > s.lastEvaluatedWindow) {
            W window = windows.get(start);
            boolean emptyEvaluation = s.emptyWindowTimer == timestamp;
            if (window != null || emptyEvaluation) {
                s.emptyWindowTimer = WindowedKeyState.NONE;
                evaluate(s, start, window, key, out);
                s.lastEvaluatedWindow = start;
                if (window != null) {
                    s.lastSeen = Math.max(s.lastSeen, timestamp);
                    windows.remove(start);
                }
                long next = start + windowMs;
                if (s.episode.open && !windows.contains(next)) {
                    s.emptyWindowTimer = next + windowMs - 1;
                    ctx.timerService().registerEventTimeTimer(s.emptyWindowTimer);
                }
            }
        }
        if (timestamp == s.cleanupAt) {
            s.cleanupAt = WindowedKeyState.NONE;
            if (isExpired(s, timestamp)) {
                state.clear();
                windows.clear();
                return;
            }
            // Still in use: look again when it could have expired at the earliest.
            s.cleanupAt = Math.max(s.lastSeen + idleTimeoutMs, timestamp + windowMs);
            ctx.timerService().registerEventTimeTimer(s.cleanupAt);
        }
        state.update(s);
    }

    private boolean isExpired(S s, long now) throws Exception {
        return s.lastSeen + idleTimeoutMs <= now
                && !s.episode.open
                && s.emptyWindowTimer == WindowedKeyState.NONE
                && windows.isEmpty();
    }

    protected long windowEnd(long windowStart) {
        return windowStart + windowMs;
    }
}
