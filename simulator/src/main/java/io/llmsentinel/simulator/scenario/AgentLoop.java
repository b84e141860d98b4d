package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.traffic.ArrivalStream;
import io.llmsentinel.simulator.traffic.CallSynthesizer;
import io.llmsentinel.simulator.traffic.Draw;
import io.llmsentinel.simulator.traffic.Session;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import java.util.SplittableRandom;

/**
 * An agent stuck in a loop: one session calls the model every few seconds, repeating the same tool
 * call, and every step appends another tool result to the input.
 */
final class AgentLoop extends IncidentEffect {
    /** Preferred mean gap between steps; shortened for short windows to keep dozens of steps. */
    static final double STEP_GAP_MS = 3500;

    static final int MIN_STEPS = 30;

    private final Session session;
    private final SplittableRandom rng;

    AgentLoop(Incident truth, Session session, SplittableRandom rng) {
        super(truth);
        this.session = session;
        this.rng = rng;
    }

    @Override
    public ArrivalStream arrivals(CallSynthesizer synthesizer) {
        double meanGap = gapMs(truth, STEP_GAP_MS, MIN_STEPS);
        WindowedArrivals stream =
                new WindowedArrivals(truth) {
                    @Override
                    double nextGapMs() {
                        return Draw.uniform(rng, 0.6 * meanGap, 1.4 * meanGap);
                    }

                    @Override
                    SimulatedEvent call(long timeMs) {
                        return synthesizer.call(
                                session,
                                timeMs,
                                e -> {
                                    e.loopStep = true;
                                    e.claim(IncidentType.AGENT_LOOP);
                                });
                    }
                };
        stream.start();
        return stream;
    }
}
