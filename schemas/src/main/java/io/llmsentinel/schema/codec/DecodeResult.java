package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one input record turned into. A JSON record gives one event or one rejection; an OTLP
 * request gives one event per GenAI span, one rejection per invalid GenAI span (or one for the
 * whole record when it cannot be parsed), and the count of spans that were skipped, by reason.
 */
public final class DecodeResult {
    private final List<LlmEvent> events = new ArrayList<>(1);
    private final List<Rejection> rejections = new ArrayList<>(0);
    private final EnumMap<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    private int skippedSpans;

    public static DecodeResult rejected(Rejection r) {
        DecodeResult d = new DecodeResult();
        d.rejections.add(r);
        return d;
    }

    public static DecodeResult accepted(LlmEvent e) {
        DecodeResult d = new DecodeResult();
        d.events.add(e);
        return d;
    }

    public void addEvent(LlmEvent e) {
        events.add(e);
    }

    public void addRejection(Rejection r) {
        rejections.add(r);
    }

    public void addSkippedSpan(SkipReason reason) {
        skipped.merge(reason, 1, Integer::sum);
        skippedSpans++;
    }

    public List<LlmEvent> events() {
        return events;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    /** All skipped spans, whatever the reason. */
    public int skippedSpans() {
        return skippedSpans;
    }

    /** Skipped spans per reason; reasons without any are absent. */
    public Map<SkipReason, Integer> skippedSpansByReason() {
        return Collections.unmodifiableMap(skipped);
    }
}
