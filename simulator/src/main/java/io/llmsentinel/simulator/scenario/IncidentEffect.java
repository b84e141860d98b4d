package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.traffic.ArrivalStream;
import io.llmsentinel.simulator.traffic.CallEffects;
import io.llmsentinel.simulator.traffic.CallModifier;
import io.llmsentinel.simulator.traffic.CallSynthesizer;
import io.llmsentinel.simulator.traffic.Session;

/**
 * A planned incident as the simulator acts it out: it bends ordinary calls of its subject while its
 * window is open, and some incidents add calls of their own (an attacker, a looping agent).
 */
public abstract class IncidentEffect implements CallModifier {
    protected final Incident truth;

    protected IncidentEffect(Incident truth) {
        this.truth = truth;
    }

    /** The ground-truth record of this incident. */
    public Incident truth() {
        return truth;
    }

    @Override
    public final void modify(long timeMs, Session session, CallEffects effects) {
        if (truth.covers(timeMs) && affects(session)) {
            apply(effects);
        }
    }

    /** Whether ordinary calls of this session are part of the incident. */
    protected boolean affects(Session session) {
        return false;
    }

    protected void apply(CallEffects effects) {}

    /** The calls this incident adds to the traffic, or null if it adds none. */
    public ArrivalStream arrivals(CallSynthesizer synthesizer) {
        return null;
    }

    /**
     * Mean gap between extra calls: {@code preferredMs}, or shorter so a short window gets enough.
     */
    static double gapMs(Incident truth, double preferredMs, int minimumCalls) {
        return Math.min(preferredMs, (truth.endMs() - truth.startMs()) / (double) minimumCalls);
    }
}
