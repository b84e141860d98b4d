package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.traffic.ArrivalStream;
import io.llmsentinel.simulator.traffic.SimulatedEvent;

/** Extra calls spaced by {@link #nextGapMs()}, only inside an incident's window. */
abstract class WindowedArrivals implements ArrivalStream {
    private final long endMs;
    private double nextMs;

    WindowedArrivals(Incident truth) {
        this.endMs = truth.endMs();
        this.nextMs = truth.startMs();
    }

    /** Positions the first call one gap after the start; call at the end of the constructor. */
    final void start() {
        nextMs += nextGapMs();
    }

    abstract double nextGapMs();

    abstract SimulatedEvent call(long timeMs);

    @Override
    public final long nextTimeMs() {
        return nextMs < endMs ? (long) nextMs : Long.MAX_VALUE;
    }

    @Override
    public final SimulatedEvent emit() {
        SimulatedEvent e = call((long) nextMs);
        nextMs += nextGapMs();
        return e;
    }
}
