package io.llmsentinel.detectors.latency;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The minute slices of one evaluation window merged: the longer window the deviation, error and
 * traffic rules read. Built at evaluation time and never stored.
 */
public final class WindowSummary {
    private final DDSketch latency = LatencySketches.create();
    private final DDSketch ttfc = LatencySketches.create();
    private final Map<String, Long> errorsByType = new TreeMap<>();
    private final SlowestCalls slowest = new SlowestCalls(MAX_SAMPLES);
    private final SlowestCalls slowestTtfc = new SlowestCalls(MAX_SAMPLES);
    private final Set<String> errorSamples = new LinkedHashSet<>();
    private final long start;
    private final long end;
    private final int minutes;
    private long calls;
    private long errors;
    private long timeouts;

    /** Sample ids reported per kind for a window. */
    public static final int MAX_SAMPLES = 5;

    /**
     * @param start first minute of the window (epoch ms)
     * @param end end of the last minute (exclusive)
     * @param minutes how many minutes of the window the key existed for (traffic expectations)
     */
    public WindowSummary(long start, long end, int minutes) {
        this.start = start;
        this.end = end;
        this.minutes = minutes;
    }

    public WindowSummary add(MinuteSlice s) {
        latency.mergeWith(s.latency);
        ttfc.mergeWith(s.ttfc);
        calls += s.calls;
        errors += s.errors;
        timeouts += s.timeouts;
        s.errorsByType.forEach((type, n) -> errorsByType.merge(type, n, Long::sum));
        for (int i = 0; i < s.slowest.size(); i++) {
            slowest.offer(s.slowest.id(i), s.slowest.value(i));
        }
        for (int i = 0; i < s.slowestTtfc.size(); i++) {
            slowestTtfc.offer(s.slowestTtfc.id(i), s.slowestTtfc.value(i));
        }
        for (String id : s.errorSamples) {
            if (errorSamples.size() < MAX_SAMPLES) {
                errorSamples.add(id);
            }
        }
        return this;
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

    public List<String> slowestIds() {
        return slowest.ids();
    }

    public List<String> slowestTtfcIds() {
        return slowestTtfc.ids();
    }

    public List<String> errorSampleIds() {
        return new ArrayList<>(errorSamples);
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public int minutes() {
        return minutes;
    }
}
