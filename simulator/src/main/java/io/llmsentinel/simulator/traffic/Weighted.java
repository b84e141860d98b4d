package io.llmsentinel.simulator.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed set of items picked at random in proportion to their weights. */
public final class Weighted<T> {
    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("need one positive weight per item");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0)) {
                throw new IllegalArgumentException("weights must be positive");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    public static <T> Weighted<T> of(List<T> items, double[] weights) {
        return new Weighted<>(items, weights);
    }

    /** Alternating item, weight, item, weight, ... */
    @SuppressWarnings("unchecked")
    public static <T> Weighted<T> of(Object... itemsAndWeights) {
        List<T> items = new ArrayList<>();
        double[] weights = new double[itemsAndWeights.length / 2];
        for (int i = 0; i < itemsAndWeights.length; i += 2) {
            items.add((T) itemsAndWeights[i]);
            weights[i / 2] = ((Number) itemsAndWeights[i + 1]).doubleValue();
        }
        return new Weighted<>(items, weights);
    }

    public T pick(SplittableRandom rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    public List<T> items() {
        return items;
    }

    /** The normalised weight of an item, 0 if absent. */
    public double share(T item) {
        double total = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).equals(item)) {
                total += cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            }
        }
        return total;
    }
}
