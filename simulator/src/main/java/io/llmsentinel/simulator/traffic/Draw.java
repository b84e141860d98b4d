package io.llmsentinel.simulator.traffic;

import java.util.List;
import java.util.SplittableRandom;

/** The few distributions the simulator draws from. */
public final class Draw {
    private Draw() {}

    /** Log-normal with the given median and log-space standard deviation. */
    public static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    public static double uniform(SplittableRandom rng, double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }

    /** An integer in [from, to], both inclusive. */
    public static int between(SplittableRandom rng, int from, int to) {
        return from + rng.nextInt(to - from + 1);
    }

    public static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /** Exponential waiting time with this mean (inter-arrival times of a Poisson process). */
    public static double exponential(SplittableRandom rng, double mean) {
        return -mean * Math.log(1.0 - rng.nextDouble());
    }

    public static <T> T oneOf(SplittableRandom rng, T[] items) {
        return items[rng.nextInt(items.length)];
    }

    public static <T> T oneOf(SplittableRandom rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }
}
