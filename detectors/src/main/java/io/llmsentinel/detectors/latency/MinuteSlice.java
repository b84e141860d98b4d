package io.llmsentinel.detectors.latency;

import com.datadoghq.sketch.ddsketch.DDSketch;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the latency detector keeps of one key's minute: latency and time-to-first-chunk as mergeable
 * sketches (never the values), call and error counts by error type, and the ids of a few calls
 * worth looking at. Its size is bounded whatever the traffic: sketches are capped in bins, error
 * types in number and length, samples in count.
 *
 * <p>Latency quantiles cover successful calls only. Failed calls end early (4xx, 5xx) or at a
 * client deadline (timeouts), so mixing them in would move p99 whenever the error rate moves; they
 * count in the error rule instead, timeouts included.
 *
 * <p>Held in Flink state through {@link MinuteSliceSerializer}.
 */
public final class MinuteSlice {
    /** Distinct error types tracked per slice; further ones count under {@link #OTHER_ERRORS}. */
    public static final int MAX_ERROR_TYPES = 8;

    public static final int MAX_ERROR_TYPE_CHARS = 64;
    public static final String OTHER_ERRORS = "_other";
    public static final String UNKNOWN_ERROR = "_unknown";

    /** Sample event ids kept per slice and kind (slowest latency, slowest TTFC, errors). */
    public static final int SAMPLES = 2;

    DDSketch latency;
    DDSketch ttfc;
    long calls;
    long errors;
    long timeouts;
    final Map<String, Long> errorsByType;
    SlowestCalls slowest;
    SlowestCalls slowestTtfc;
    final List<String> errorSamples;

    public MinuteSlice() {
        this(
                LatencySketches.create(),
                LatencySketches.create(),
                new LinkedHashMap<>(),
                new SlowestCalls(SAMPLES),
                new SlowestCalls(SAMPLES),
                new ArrayList<>(SAMPLES));
    }

    MinuteSlice(
            DDSketch latency,
            DDSketch ttfc,
            Map<String, Long> errorsByType,
            SlowestCalls slowest,
            SlowestCalls slowestTtfc,
            List<String> errorSamples) {
        this.latency = latency;
        this.ttfc = ttfc;
        this.errorsByType = errorsByType;
        this.slowest = slowest;
        this.slowestTtfc = slowestTtfc;
        this.errorSamples = errorSamples;
    }

    /** Counts one call. */
    public void add(LlmEvent e) {
        calls++;
        if (e.isError() || e.errorType != null) {
            errors++;
            String type = errorType(e.errorType);
            if (type.contains("timeout")) {
                timeouts++;
            }
            if (!errorsByType.containsKey(type) && errorsByType.size() >= MAX_ERROR_TYPES) {
                type = OTHER_ERRORS;
            }
            errorsByType.merge(type, 1L, Long::sum);
            if (errorSamples.size() < SAMPLES && e.eventId != null) {
                errorSamples.add(e.eventId);
            }
            return;
        }
        if (Double.isFinite(e.latencyMs) && e.latencyMs >= 0) {
            latency.accept(e.latencyMs);
            slowest.offer(e.eventId, e.latencyMs);
        }
        Double first = e.timeToFirstChunkMs;
        if (first != null && Double.isFinite(first) && first >= 0) {
            ttfc.accept(first);
            slowestTtfc.offer(e.eventId, first);
        }
    }

    static String errorType(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN_ERROR;
        }
        String t = raw.trim().toLowerCase(Locale.ROOT);
        return t.length() <= MAX_ERROR_TYPE_CHARS ? t : t.substring(0, MAX_ERROR_TYPE_CHARS);
    }

    public DDSketch latency() {
        return latency;
    }

    public DDSketch ttfc() {
        return ttfc;
    }

    public long calls() {
        return calls;
    }

    public long errors() {
        return errors;
    }

    public long timeouts() {
        return timeouts;
    }

    public Map<String, Long> errorsByType() {
        return errorsByType;
    }

    public SlowestCalls slowest() {
        return slowest;
    }

    public SlowestCalls slowestTtfc() {
        return slowestTtfc;
    }

    public List<String> errorSamples() {
        return errorSamples;
    }

    public MinuteSlice copy() {
        MinuteSlice c =
                new MinuteSlice(
                        latency.copy(),
                        ttfc.copy(),
                        new LinkedHashMap<>(errorsByType),
                        slowest.copy(),
                        slowestTtfc.copy(),
                        new ArrayList<>(errorSamples));
        c.calls = calls;
        c.errors = errors;
        c.timeouts = timeouts;
        return c;
    }

    /** Equal counts, samples and sketch contents (compared through their encodings). */
    @Override
    public boolean equals(Object o) {
        return o instanceof MinuteSlice other
                && calls == other.calls
                && errors == other.errors
                && timeouts == other.timeouts
                && errorsByType.equals(other.errorsByType)
                && slowest.equals(other.slowest)
                && slowestTtfc.equals(other.slowestTtfc)
                && errorSamples.equals(other.errorSamples)
                && java.util.Arrays.equals(
                        LatencySketches.encode(latency), LatencySketches.encode(other.latency))
                && java.util.Arrays.equals(
                        LatencySketches.encode(ttfc), LatencySketches.encode(other.ttfc));
    }

    @Override
    public int hashCode() {
        return Objects.hash(calls, errors, timeouts, errorsByType);
    }

    @Override
    public String toString() {
        return "MinuteSlice{calls="
                + calls
                + ", errors="
                + errors
                + ", timeouts="
                + timeouts
                + ", latencyCount="
                + latency.getCount()
                + ", ttfcCount="
                + ttfc.getCount()
                + ", errorsByType="
                + errorsByType
                + '}';
    }
}
