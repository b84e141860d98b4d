package io.llmsentinel.detectors.cost;

import java.util.ArrayList;
import java.util.List;

/** Answers of one model in one window, and how many stopped at max_tokens. A Flink POJO. */
public class LengthWindow {
    static final int MAX_SAMPLES = 5;

    public long calls;
    public long length;

    /** The first truncated answers of the window. */
    public List<String> sampleEventIds = new ArrayList<>();

    public LengthWindow() {}

    void add(String eventId, boolean truncated) {
        calls++;
        if (truncated) {
            length++;
            if (eventId != null && sampleEventIds.size() < MAX_SAMPLES) {
                sampleEventIds.add(eventId);
            }
        }
    }
}
