package io.llmsentinel.detectors.drift;

import io.llmsentinel.detectors.common.EpisodeState;
import io.llmsentinel.detectors.common.EpisodeTracker;
import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.detectors.common.IdleEpisodes;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Distribution drift per key (service, model and prompt template by default): every feature is
 * summarised per slice; at the end of each slice the current window (the last few slices) is
 * compared with the reference (the slices before it, or a pinned capture) on every feature with
 * enough samples each side. A feature drifts when its shift is both large (PSI at least the warning
 * level) and significant (its KS or chi-square p-value is a Benjamini-Hochberg discovery among the
 * key's tests of that evaluation); {@code windowsToOpen} drifting evaluations in a row open an
 * episode, {@code windowsToResolve} clear ones resolve it. One record when drift starts on a
 * feature, one when it ends.
 */
public class DriftFunction extends KeyedProcessFunction<String, LlmEvent, Anomaly> {
    /** State names: savepoints map state by them. Never change one. */
    public static final String KEY_STATE = "drift-key";

    public static final String SLICES_STATE = "slices";
    public static final String PINNED_REFERENCE_STATE = "pinned-reference";
    public static final String PENDING_ROWS_STATE = "pending-rows";

    /**
     * Rows buffered per key before they are folded into the slices: bounds the buffer (and the
     * state per key) while making the slice update cost per event small.
     */
    static final int FOLD_ROWS = 64;

    private final DriftSettings settings;
    private final Map<String, EpisodeTracker> trackers = new HashMap<>();

    private transient ValueState<DriftKeyState> keyState;
    private transient MapState<Long, DriftSlice> slices;
    private transient ValueState<PinnedReference> pinned;
    private transient ListState<DriftRow> pending;
    private transient Counter lateEvents;
    private transient Counter evaluations;

    public DriftFunction(DriftSettings settings) {
        this.settings = settings;
        for (DriftEvaluator.FeatureRef f : DriftEvaluator.features()) {
            trackers.put(
                    f.name(),
                    EpisodeTracker.of(DriftAnomalies.DETECTOR, f.anomalyType())
                            .openAfter(settings.windowsToOpen())
                            .resolveAfter(settings.windowsToResolve()));
        }
    }

    @Override
    public void open(OpenContext openContext) {
        keyState =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>(KEY_STATE, DriftKeyState.class));
        slices =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        SLICES_STATE, Types.LONG, Types.POJO(DriftSlice.class)));
        pinned =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        PINNED_REFERENCE_STATE, PinnedReference.class));
        pending =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(PENDING_ROWS_STATE, DriftRow.class));
        var metrics = getRuntimeContext().getMetricGroup().addGroup("sentinel");
        lateEvents = metrics.counter("lateEvents");
        evaluations = metrics.counter("driftEvaluations");
    }

    @Override
    public void processElement(LlmEvent e, Context ctx, Collector<Anomaly> out) throws Exception {
        long slice = settings.sliceMs();
        long sliceStart = Math.floorDiv(e.eventTime, slice) * slice;
        long evaluateAt = sliceStart + slice + settings.allowedLatenessMs();
        long watermark = ctx.timerService().currentWatermark();
        if (evaluateAt <= watermark) {
            // Its slice was judged already; it still counts in the windows that come.
            lateEvents.inc();
            if (sliceStart + settings.currentMs() + settings.referenceMs() <= watermark) {
                return;
            }
        } else {
            ctx.timerService().registerEventTimeTimer(evaluateAt);
        }
        pending.add(DriftRow.of(e, sliceStart));

        DriftKeyState k = keyState.value();
        if (k == null) {
            k = new DriftKeyState();
            k.serviceName = e.serviceName;
            k.providerName = e.providerName;
            k.model = e.requestModel != null ? e.requestModel : e.responseModel;
            k.template =
                    e.promptTemplateName == null
                            ? null
                            : e.promptTemplateName
                                    + (e.promptTemplateVersion == null
                                            ? ""
                                            : "@" + e.promptTemplateVersion);
            k.firstEventAt = e.eventTime;
        }
        k.lastEventAt = Math.max(k.lastEventAt, e.eventTime);
        if (k.cleanupAt == Long.MIN_VALUE) {
            k.cleanupAt = k.lastEventAt + settings.idleTimeoutMs();
            ctx.timerService().registerEventTimeTimer(k.cleanupAt);
        }
        if (++k.pendingRows >= FOLD_ROWS) {
            fold(k);
        }
        keyState.update(k);
    }

    /** Folds the pending rows into their slices: one read and write per slice, not per event. */
    private void fold(DriftKeyState k) throws Exception {
        Iterable<DriftRow> rows = pending.get();
        Map<Long, DriftSlice> touched = new HashMap<>();
        if (rows != null) {
            for (DriftRow row : rows) {
                DriftSlice s = touched.get(row.sliceStart);
                if (s == null) {
                    s = slices.get(row.sliceStart);
                    if (s == null) {
                        s = DriftSlice.empty(settings);
                    }
                    touched.put(row.sliceStart, s);
                }
                s.add(row);
            }
        }
        slices.putAll(touched);
        pending.clear();
        k.pendingRows = 0;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out)
            throws Exception {
        DriftKeyState k = keyState.value();
        if (k == null) {
            return;
        }
        long sliceEnd = timestamp - settings.allowedLatenessMs();
        if (Math.floorMod(sliceEnd, settings.sliceMs()) == 0) {
            if (k.pendingRows > 0) {
                fold(k);
            }
            evaluate(ctx.getCurrentKey(), k, sliceEnd, out);
        }
        if (timestamp == k.cleanupAt) {
            long idleUntil = k.lastEventAt + settings.idleTimeoutMs();
            if (idleUntil > timestamp) {
                k.cleanupAt = idleUntil;
                ctx.timerService().registerEventTimeTimer(idleUntil);
            } else {
                expire(ctx.getCurrentKey(), k, timestamp, out);
                return;
            }
        }
        keyState.update(k);
    }

    private void evaluate(String key, DriftKeyState k, long end, Collector<Anomaly> out)
            throws Exception {
        long currentFrom = end - settings.currentMs();
        DriftSlice current = DriftSlice.empty(settings);
        DriftSlice reference = null;
        long referenceFrom;
        long referenceTo;
        PinnedReference pin = null;
        if (settings.referenceMode() == ReferenceMode.SLIDING) {
            referenceTo = currentFrom;
            referenceFrom = referenceTo - settings.referenceMs();
            reference = DriftSlice.empty(settings);
        } else {
            pin = capturePin(k, end);
            referenceFrom = pin.from;
            referenceTo = pin.to;
            if (pin.complete) {
                reference = pin.summary;
            }
        }
        long keepFrom =
                settings.referenceMode() == ReferenceMode.SLIDING
                        ? referenceFrom
                        : (pin.complete ? currentFrom : Math.min(currentFrom, pin.from));
        // A key drifting for a whole reference length has a new normal: take it as reference.
        boolean acceptDrifting =
                k.driftingSince != Long.MIN_VALUE
                        && end - k.driftingSince >= settings.referenceMs();
        List<Long> expired = new ArrayList<>();
        List<Long> inCurrent = new ArrayList<>();
        for (Map.Entry<Long, DriftSlice> entry : slices.entries()) {
            long start = entry.getKey();
            if (start < keepFrom) {
                expired.add(start);
            } else if (start >= currentFrom && start < end) {
                current.merge(entry.getValue());
                inCurrent.add(start);
            } else if (settings.referenceMode() == ReferenceMode.SLIDING
                    && start >= referenceFrom
                    && start < referenceTo
                    && (acceptDrifting || !entry.getValue().drifting)) {
                reference.merge(entry.getValue());
            }
        }
        for (Long start : expired) {
            slices.remove(start);
        }
        if (reference == null) {
            return; // a pinned reference still being captured
        }
        if (settings.referenceMode() == ReferenceMode.SLIDING && k.firstEventAt > referenceFrom) {
            return; // the key's history does not cover a whole reference yet
        }
        evaluations.inc();
        DriftEvaluator.Window window =
                new DriftEvaluator.Window(
                        settings.referenceMode(), referenceFrom, referenceTo, currentFrom, end);
        List<DriftEvaluator.FeatureResult> results =
                DriftEvaluator.evaluate(reference, current, settings);
        for (DriftEvaluator.FeatureResult r : results) {
            EpisodeState ep =
                    k.episodes.computeIfAbsent(r.feature().name(), f -> new EpisodeState());
            EpisodeTracker tracker = trackers.get(r.feature().name());
            EpisodeTransition t =
                    tracker.observe(
                            ep,
                            SubjectKeys.of(key, r.feature().name()),
                            end,
                            r.drifting(),
                            r.tested() ? r.effect() : Double.NaN);
            if (t != EpisodeTransition.NONE) {
                out.collect(record(k, r, ep, t, window));
            }
            if (tracker.isIdle(ep)) {
                k.episodes.remove(r.feature().name());
            }
        }
        markDrifting(k, inCurrent, currentFrom);
    }

    /** Flags the current window's slices while any feature of the key drifts or is breaching. */
    private void markDrifting(DriftKeyState k, List<Long> inCurrent, long currentFrom)
            throws Exception {
        if (k.episodes.isEmpty()) {
            k.driftingSince = Long.MIN_VALUE;
            return;
        }
        if (k.driftingSince == Long.MIN_VALUE) {
            k.driftingSince = currentFrom;
        }
        for (Long start : inCurrent) {
            DriftSlice s = slices.get(start);
            if (!s.drifting) {
                s.drifting = true;
                slices.put(start, s);
            }
        }
    }

    /** The pinned reference for the configured pin id, capturing it if it is new or changed. */
    private PinnedReference capturePin(DriftKeyState k, long end) throws Exception {
        PinnedReference p = pinned.value();
        if (p == null || !settings.pinId().equals(p.pinId)) {
            p = new PinnedReference();
            p.pinId = settings.pinId();
            long firstSlice = Math.floorDiv(end - settings.sliceMs(), settings.sliceMs());
            long earliest = Long.MAX_VALUE;
            for (Long start : slices.keys()) {
                earliest = Math.min(earliest, start);
            }
            p.from = Math.min(earliest, firstSlice * settings.sliceMs());
            p.to = p.from + settings.referenceMs();
            pinned.update(p);
        }
        if (!p.complete && end >= p.to) {
            DriftSlice summary = DriftSlice.empty(settings);
            for (Map.Entry<Long, DriftSlice> entry : slices.entries()) {
                if (entry.getKey() >= p.from && entry.getKey() < p.to) {
                    summary.merge(entry.getValue());
                }
            }
            p.summary = summary;
            p.complete = true;
            pinned.update(p);
        }
        return p;
    }

    /** The key went idle: resolve what is open and drop everything but a pinned reference. */
    private void expire(String key, DriftKeyState k, long now, Collector<Anomaly> out)
            throws Exception {
        for (Map.Entry<String, EpisodeState> e : k.episodes.entrySet()) {
            EpisodeTracker tracker = trackers.get(e.getKey());
            EpisodeState ep = e.getValue();
            if (IdleEpisodes.resolve(tracker, ep, SubjectKeys.of(key, e.getKey()), now)
                    == EpisodeTransition.RESOLVED) {
                out.collect(
                        DriftRecords.idleResolved(
                                k, DriftEvaluator.feature(e.getKey()), ep, now, settings));
            }
        }
        keyState.clear();
        slices.clear();
        pending.clear();
    }

    private Anomaly record(
            DriftKeyState k,
            DriftEvaluator.FeatureResult r,
            EpisodeState ep,
            EpisodeTransition t,
            DriftEvaluator.Window window) {
        return DriftRecords.transition(k, r, ep, t, window, settings);
    }
}
