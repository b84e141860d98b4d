package io.llmsentinel.detectors.latency;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The latency detector in event time, per key (route): each event lands in the slice of its minute;
 * when the watermark passes the end of a minute (plus the allowed lateness) a timer evaluates the
 * window ending with it and emits the records of episodes that opened or resolved.
 *
 * <p>Timers: one per minute boundary and key. Each evaluation registers the next minute, so rules
 * also see minutes without calls (a traffic drop is a minute without calls), until the key has been
 * idle for the idle timeout; then its open episodes are resolved and all its state is cleared,
 * leaving no timer behind. Keys that come and go therefore cost nothing once gone.
 *
 * <p>An event whose minute has already been evaluated is late: it is counted in the {@code
 * lateEvents} metric and emitted on {@link #LATE_EVENTS}, never added to a closed minute.
 *
 * <p>At the end of a bounded input (watermark at {@code Long.MAX_VALUE}) the minutes with calls are
 * still evaluated, but the chain of empty minutes stops: otherwise the end of a file would look
 * like every key's traffic dropping to zero.
 */
public class LatencyDetectorFunction extends KeyedProcessFunction<String, LlmEvent, Anomaly> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<LlmEvent> LATE_EVENTS =
            new OutputTag<>("latency-late-events", TypeInformation.of(LlmEvent.class));

    /** State names: savepoints map state by them. Never change one. */
    public static final String SLICES = "latency-minute-slices";

    public static final String KEY_STATE = "latency-key-state";
    private static final long MINUTE = LatencySettings.MINUTE_MS;

    private final LatencySettings settings;
    private final LatencyDetector detector;

    private transient MapState<Long, MinuteSlice> slices;
    private transient ValueState<LatencyKeyState> keyState;
    private transient Counter lateEvents;
    private transient Counter expiredKeys;

    public LatencyDetectorFunction(LatencySettings settings) {
        this.settings = settings;
        this.detector = new LatencyDetector(settings);
    }

    /** The minute slices of a key, by minute start (epoch ms). */
    public static MapStateDescriptor<Long, MinuteSlice> slicesDescriptor() {
        return new MapStateDescriptor<>(
                SLICES, LongSerializer.INSTANCE, MinuteSliceSerializer.INSTANCE);
    }

    /** Baselines, episodes and bookkeeping of a key. */
    public static ValueStateDescriptor<LatencyKeyState> keyStateDescriptor() {
        return new ValueStateDescriptor<>(KEY_STATE, TypeInformation.of(LatencyKeyState.class));
    }

    @Override
    public void open(OpenContext openContext) {
        slices = getRuntimeContext().getMapState(slicesDescriptor());
        keyState = getRuntimeContext().getState(keyStateDescriptor());
        // the documented group every job's own metrics are in (docs/operations.md)
        var metrics = getRuntimeContext().getMetricGroup().addGroup("sentinel");
        lateEvents = metrics.counter("lateEvents");
        expiredKeys = metrics.counter("expiredKeys");
    }

    @Override
    public void processElement(LlmEvent e, Context ctx, Collector<Anomaly> out) throws Exception {
        long minute = Math.floorDiv(e.eventTime, MINUTE) * MINUTE;
        long evaluateAt = evaluationTime(minute);
        if (evaluateAt <= ctx.timerService().currentWatermark()) {
            lateEvents.inc();
            ctx.output(LATE_EVENTS, e);
            return;
        }
        MinuteSlice slice = slices.get(minute);
        if (slice == null) {
            // First call of this key in this minute: the only per-minute bookkeeping on the hot
            // path, so the key state is read and written once a minute, not per event.
            slice = new MinuteSlice();
            LatencyKeyState st = keyState.value();
            if (st == null) {
                st = LatencyKeyState.forEvent(e, settings.dimensions(), minute);
            }
            st.lastActiveMinute = Math.max(st.lastActiveMinute, minute);
            st.firstMinute = Math.min(st.firstMinute, minute);
            keyState.update(st);
            ctx.timerService().registerEventTimeTimer(evaluateAt);
        }
        slice.add(e);
        slices.put(minute, slice);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        LatencyKeyState st = keyState.value();
        if (st == null) {
            return;
        }
        // Aligned, so a timer set under another allowed lateness (before a restore) still names
        // a minute and the chain continues on minute boundaries.
        long minute =
                Math.floorDiv(timestamp + 1 - MINUTE - settings.allowedLatenessMs(), MINUTE)
                        * MINUTE;
        MinuteSlice current = slices.get(minute);
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        if (endOfInput && current == null) {
            return;
        }
        if (minute > st.lastEvaluatedMinute) {
            WindowSummary window = window(st, minute);
            MinuteSlice now = current != null ? current : new MinuteSlice();
            for (Anomaly a : detector.evaluate(ctx.getCurrentKey(), st, minute, now, window)) {
                out.collect(a);
            }
            prune(minute);
        }
        long idleFor = minute - st.lastActiveMinute;
        if (idleFor >= settings.idleTimeoutMs()) {
            for (Anomaly a : detector.expire(st, minute + MINUTE)) {
                out.collect(a);
            }
            slices.clear();
            keyState.clear();
            expiredKeys.inc();
            return;
        }
        keyState.update(st);
        ctx.timerService().registerEventTimeTimer(evaluationTime(minute + MINUTE));
    }

    /**
     * When the minute starting at {@code minute} is complete: the timer fires at watermark >= it.
     */
    private long evaluationTime(long minute) {
        return minute + MINUTE + settings.allowedLatenessMs() - 1;
    }

    private WindowSummary window(LatencyKeyState st, long minute) throws Exception {
        long start = minute - (settings.windowMinutes() - 1) * MINUTE;
        int covered =
                (int) Math.min(settings.windowMinutes(), (minute - st.firstMinute) / MINUTE + 1);
        WindowSummary w = new WindowSummary(start, minute + MINUTE, Math.max(1, covered));
        for (Map.Entry<Long, MinuteSlice> e : slices.entries()) {
            long m = e.getKey();
            if (m >= start && m <= minute) {
                w.add(e.getValue());
            }
        }
        return w;
    }

    /** Drops the slices no later window will include. */
    private void prune(long evaluated) throws Exception {
        long oldestKept = evaluated - (settings.windowMinutes() - 2) * MINUTE;
        List<Long> drop = new ArrayList<>();
        for (Iterator<Long> it = slices.keys().iterator(); it.hasNext(); ) {
            long m = it.next();
            if (m < oldestKept) {
                drop.add(m);
            }
        }
        for (long m : drop) {
            slices.remove(m);
        }
    }
}
