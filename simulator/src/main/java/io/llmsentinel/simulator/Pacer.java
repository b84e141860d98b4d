package io.llmsentinel.simulator;

import java.time.Clock;

/** Holds a paced run back until an event is due. */
@FunctionalInterface
public interface Pacer {
    /** Returns once the clock has reached {@code epochMs}. */
    void awaitUntil(long epochMs) throws InterruptedException;

    /** For unpaced runs: never waits. */
    static Pacer none() {
        return t -> {};
    }

    /** Sleeps until the clock reaches the time; events that are late go out at once. */
    static Pacer sleepingOn(Clock clock) {
        return t -> {
            long wait = t - clock.millis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        };
    }
}
