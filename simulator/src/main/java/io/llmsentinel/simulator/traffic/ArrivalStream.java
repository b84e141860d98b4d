package io.llmsentinel.simulator.traffic;

/**
 * A source of calls in time order: the baseline traffic, or the extra calls of an incident (an
 * attacker, a looping agent, a runaway tenant). The simulator merges the streams by time.
 */
public interface ArrivalStream {
    /** Event time of the next call, or {@link Long#MAX_VALUE} when the stream is exhausted. */
    long nextTimeMs();

    /** Produces the call due at {@link #nextTimeMs()} and advances. */
    SimulatedEvent emit();
}
