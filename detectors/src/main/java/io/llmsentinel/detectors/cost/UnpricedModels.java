package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeTracker;
import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes models without a price visible: one {@code unpriced_model} episode per provider, model and
 * UTC day, opened by the day's first unpriced call and resolved when the first call of a later day
 * arrives (a new day opens a new episode if the model is still unpriced). The episode id is derived
 * from provider, model and day alone, so every subtask, restart and replay reports the same
 * model-day under the same {@code anomaly_id}, and consumers de-duplicate on it as on every
 * anomaly.
 *
 * <p>Calls of a day that has already been resolved are counted but open nothing. At most {@value
 * #MAX_OPEN} model-days are open at once, so garbage model names cannot grow the state without
 * bound. Not thread-safe: one per subtask.
 */
final class UnpricedModels {
    static final long DAY_MS = 86_400_000L;
    static final int MAX_OPEN = 1000;

    private final EpisodeTracker tracker =
            EpisodeTracker.of(CostAnomalies.DETECTOR, CostAnomalies.UNPRICED_MODEL).resolveAfter(1);
    private final String tableVersion;
    private final Map<String, UnpricedModelDay> open = new LinkedHashMap<>();
    private long latestDay = Long.MIN_VALUE;

    UnpricedModels(String tableVersion) {
        this.tableVersion = tableVersion;
    }

    /**
     * Resolves the episodes of days before the event's day; call it for every event, priced or not,
     * so that a day ends when traffic moves on.
     */
    void advanceTo(long eventTime, List<Anomaly> out) {
        long day = dayOf(eventTime);
        if (day <= latestDay) {
            return;
        }
        latestDay = day;
        for (Iterator<UnpricedModelDay> it = open.values().iterator(); it.hasNext(); ) {
            UnpricedModelDay d = it.next();
            if (d.dayStart < day) {
                long dayEnd = d.dayStart + DAY_MS;
                EpisodeTransition t =
                        tracker.observe(d.episode, subject(d), dayEnd, false, d.calls);
                if (t == EpisodeTransition.RESOLVED) {
                    out.add(record(d, t, dayEnd));
                }
                it.remove();
            }
        }
    }

    /** An unpriced call: opens the model-day's episode on its first call. */
    void unpriced(LlmEvent e, String coverage, List<Anomaly> out) {
        advanceTo(e.eventTime, out);
        long day = dayOf(e.eventTime);
        if (day < latestDay) {
            return; // a late call of a day already resolved
        }
        String model = e.effectiveModel();
        String key = SubjectKeys.of(e.providerName, model, Long.toString(day));
        UnpricedModelDay d = open.get(key);
        if (d == null) {
            if (open.size() >= MAX_OPEN) {
                return;
            }
            d = new UnpricedModelDay();
            d.providerName = e.providerName;
            d.model = model;
            d.dayStart = day;
            d.coverage = coverage;
            d.firstEventId = e.eventId;
            open.put(key, d);
        }
        d.calls++;
        // The window time of the opening is the day's start, so the episode id is the model-day's.
        EpisodeTransition t = tracker.observe(d.episode, subject(d), day, true, d.calls);
        if (t == EpisodeTransition.OPENED) {
            out.add(record(d, t, e.eventTime));
        }
    }

    /** The open model-days, for the function's operator state. */
    Collection<UnpricedModelDay> openDays() {
        return open.values();
    }

    /** Restores the open model-days of a snapshot. */
    void restore(Iterable<UnpricedModelDay> days) {
        for (UnpricedModelDay d : days) {
            if (open.size() < MAX_OPEN) {
                open.put(SubjectKeys.of(d.providerName, d.model, Long.toString(d.dayStart)), d);
                latestDay = Math.max(latestDay, d.dayStart);
            }
        }
    }

    static long dayOf(long eventTime) {
        return Math.floorDiv(eventTime, DAY_MS) * DAY_MS;
    }

    private static String subject(UnpricedModelDay d) {
        return SubjectKeys.of(d.providerName, d.model);
    }

    private Anomaly record(UnpricedModelDay d, EpisodeTransition t, long at) {
        boolean opened = t == EpisodeTransition.OPENED;
        // The summary is published as is: a model name that is no identifier stays out of it.
        String name = d.model != null && Evidence.isIdentifier(d.model) ? d.model : "(unnamed)";
        String provider =
                d.providerName != null && Evidence.isIdentifier(d.providerName)
                        ? d.providerName
                        : "(unnamed)";
        String summary =
                opened
                        ? String.format(
                                Locale.ROOT,
                                "model %s of provider %s has no price in pricing table %s (%s):"
                                        + " its calls count as free in spend rules",
                                name,
                                provider,
                                tableVersion,
                                d.coverage)
                        : String.format(
                                Locale.ROOT,
                                "%d unpriced calls of model %s of provider %s on this day",
                                d.calls,
                                name,
                                provider);
        return AnomalyFactory.forTransition(tracker, t, d.episode)
                .severity(Severity.WARNING)
                .providerName(d.providerName)
                .model(d.model)
                // The day so far: a window end in the future would move the correlation job's
                // watermark ahead of every other detector's anomalies.
                .window(d.dayStart, opened ? at : d.dayStart + DAY_MS)
                .detectedAt(at)
                .observedValue(d.calls)
                .summary(summary)
                .evidence(
                        Evidence.create()
                                .id("provider", d.providerName)
                                .id("model", d.model)
                                .id("coverage", d.coverage)
                                .id("pricing_table", tableVersion)
                                .number("day_start", d.dayStart)
                                .number("unpriced_calls", d.calls))
                .sampleEventIds(d.firstEventId == null ? List.of() : List.of(d.firstEventId))
                .build();
    }
}
