package io.llmsentinel.simulator.traffic;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The normal traffic: a Poisson process at the configured rate. Each call goes to a service by its
 * traffic share and either opens a session or continues an open one of that service.
 */
public final class BaselineArrivals implements ArrivalStream {
    private final Catalog catalog;
    private final SessionFactory sessions;
    private final CallSynthesizer synthesizer;
    private final SplittableRandom rng;
    private final double meanGapMs;
    private final long endMs;
    private final Map<ServiceProfile, SessionPool> pools = new HashMap<>();
    private double nextMs;

    public BaselineArrivals(
            Catalog catalog,
            SessionFactory sessions,
            CallSynthesizer synthesizer,
            SplittableRandom rng,
            double callsPerSecond,
            long startMs,
            long endMs) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.synthesizer = synthesizer;
        this.rng = rng;
        this.meanGapMs = 1000.0 / callsPerSecond;
        this.endMs = endMs;
        for (ServiceProfile s : catalog.services()) {
            pools.put(s, new SessionPool(callsPerSecond * s.trafficShare(), s.turnGapSeconds()));
        }
        this.nextMs = startMs + Draw.exponential(rng, meanGapMs);
    }

    @Override
    public long nextTimeMs() {
        return nextMs < endMs ? (long) nextMs : Long.MAX_VALUE;
    }

    @Override
    public SimulatedEvent emit() {
        long t = (long) nextMs;
        ServiceProfile service = catalog.pickService(rng);
        SessionPool pool = pools.get(service);
        Session s = pool.next(rng, () -> sessions.open(service));
        SimulatedEvent event = synthesizer.call(s, t, null);
        pool.retireIfFinished(s);
        nextMs += Draw.exponential(rng, meanGapMs);
        return event;
    }
}
