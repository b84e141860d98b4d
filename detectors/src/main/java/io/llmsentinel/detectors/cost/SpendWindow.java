package io.llmsentinel.detectors.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * Spend and calls of one subject in one window, with the ids of its most expensive calls as
 * evidence. A Flink POJO.
 */
public class SpendWindow {
    static final int MAX_SAMPLES = 5;

    public double spendUsd;
    public long calls;

    /** Ids of the most expensive calls so far, parallel to {@link #sampleCosts}, unordered. */
    public List<String> sampleEventIds = new ArrayList<>();

    public List<Double> sampleCosts = new ArrayList<>();

    public SpendWindow() {}

    public void add(String eventId, double costUsd) {
        spendUsd += costUsd;
        calls++;
        if (eventId == null || costUsd <= 0) {
            return;
        }
        if (sampleEventIds.size() < MAX_SAMPLES) {
            sampleEventIds.add(eventId);
            sampleCosts.add(costUsd);
            return;
        }
        int cheapest = 0;
        for (int i = 1; i < sampleCosts.size(); i++) {
            if (sampleCosts.get(i) < sampleCosts.get(cheapest)) {
                cheapest = i;
            }
        }
        if (costUsd > sampleCosts.get(cheapest)) {
            sampleEventIds.set(cheapest, eventId);
            sampleCosts.set(cheapest, costUsd);
        }
    }

    /** Sample ids, most expensive first. */
    public List<String> samplesByCost() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sampleEventIds.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(sampleCosts.get(b), sampleCosts.get(a)));
        List<String> out = new ArrayList<>(order.size());
        order.forEach(i -> out.add(sampleEventIds.get(i)));
        return out;
    }
}
