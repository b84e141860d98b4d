package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.traffic.ArrivalStream;
import io.llmsentinel.simulator.traffic.CallEffects;
import io.llmsentinel.simulator.traffic.CallSynthesizer;
import io.llmsentinel.simulator.traffic.Catalog;
import io.llmsentinel.simulator.traffic.Draw;
import io.llmsentinel.simulator.traffic.ServiceProfile;
import io.llmsentinel.simulator.traffic.Session;
import io.llmsentinel.simulator.traffic.SessionFactory;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import io.llmsentinel.simulator.traffic.Tenant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tenant's usage runs away (a batch job gone wrong, a leaked key): it makes {@link
 * #CALL_MULTIPLIER} times its usual number of calls, with bigger prompts and longer answers, so
 * that its spend rises about tenfold.
 */
final class SpendRunaway extends IncidentEffect {
    static final double CALL_MULTIPLIER = 4;
    static final double INPUT_FACTOR = 2.0;
    static final double OUTPUT_FACTOR = 3.0;

    private final Tenant tenant;
    private final Catalog catalog;
    private final SessionFactory sessions;
    private final double baselineCallsPerSecond;
    private final SplittableRandom rng;

    SpendRunaway(
            Incident truth,
            Tenant tenant,
            Catalog catalog,
            SessionFactory sessions,
            double baselineCallsPerSecond,
            SplittableRandom rng) {
        super(truth);
        this.tenant = tenant;
        this.catalog = catalog;
        this.sessions = sessions;
        this.baselineCallsPerSecond = baselineCallsPerSecond;
        this.rng = rng;
    }

    @Override
    protected boolean affects(Session s) {
        return s.tenant == tenant;
    }

    @Override
    protected void apply(CallEffects e) {
        e.inputFactor *= INPUT_FACTOR;
        e.outputFactor *= OUTPUT_FACTOR;
        e.claim(IncidentType.SPEND_RUNAWAY);
    }

    @Override
    public ArrivalStream arrivals(CallSynthesizer synthesizer) {
        double extraPerSecond = baselineCallsPerSecond * tenant.share() * (CALL_MULTIPLIER - 1);
        double meanGapMs = 1000.0 / extraPerSecond;
        // One open session per service, replaced when it has made its calls, so that the extra
        // calls carry conversation history like the tenant's ordinary ones.
        Map<ServiceProfile, Session> open = new HashMap<>();
        WindowedArrivals stream =
                new WindowedArrivals(truth) {
                    @Override
                    double nextGapMs() {
                        return Draw.exponential(rng, meanGapMs);
                    }

                    @Override
                    SimulatedEvent call(long timeMs) {
                        ServiceProfile service = catalog.pickService(rng);
                        Session s = open.get(service);
                        if (s == null || s.finished()) {
                            s = sessions.open(service, tenant);
                            open.put(service, s);
                        }
                        return synthesizer.call(s, timeMs, null);
                    }
                };
        stream.start();
        return stream;
    }
}
