package io.llmsentinel.simulator;

import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentSpec;
import io.llmsentinel.simulator.scenario.IncidentEffect;
import io.llmsentinel.simulator.scenario.IncidentPlanner;
import io.llmsentinel.simulator.traffic.ArrivalStream;
import io.llmsentinel.simulator.traffic.BaselineArrivals;
import io.llmsentinel.simulator.traffic.CallSynthesizer;
import io.llmsentinel.simulator.traffic.Catalog;
import io.llmsentinel.simulator.traffic.IdSource;
import io.llmsentinel.simulator.traffic.SessionFactory;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Generates LLM call telemetry with scripted incidents, in event-time order.
 *
 * <p>Deterministic: the same seed, rate, start time, duration and incident list give the same
 * events, field for field. All randomness comes from one {@link SplittableRandom} seeded with the
 * seed and split into independent streams per concern; the wall clock is never read (the start time
 * is an input).
 *
 * <p>The baseline is a Poisson process at the given rate; incidents that add traffic (an attacker,
 * a looping agent, a runaway tenant) bring their own streams, merged in by time, so the event count
 * is a little above rate x duration.
 */
public final class TrafficSimulator implements Iterator<SimulatedEvent> {
    private final List<Incident> incidents;
    private final ArrivalStream[] streams;
    private final Catalog catalog;
    private long generated;

    private TrafficSimulator(
            List<Incident> incidents, List<ArrivalStream> streams, Catalog catalog) {
        this.incidents = incidents;
        this.streams = streams.toArray(new ArrivalStream[0]);
        this.catalog = catalog;
    }

    /**
     * @param incidents when each incident happens, relative to {@code startMs}; subjects are chosen
     *     from the seed
     */
    public static TrafficSimulator create(
            long seed,
            double callsPerSecond,
            long startMs,
            Duration duration,
            List<IncidentSpec> incidents,
            PricingTable pricing) {
        SplittableRandom root = new SplittableRandom(seed);
        Catalog catalog = Catalog.create(root.split());
        IdSource ids = new IdSource(seed);
        SessionFactory sessions = new SessionFactory(catalog, ids, root.split());
        List<IncidentEffect> effects =
                new IncidentPlanner(catalog, sessions, root.split(), callsPerSecond)
                        .plan(incidents, startMs);
        CallSynthesizer synthesizer = new CallSynthesizer(ids, pricing, root.split(), effects);

        long endMs = startMs + duration.toMillis();
        List<ArrivalStream> streams = new ArrayList<>();
        streams.add(
                new BaselineArrivals(
                        catalog,
                        sessions,
                        synthesizer,
                        root.split(),
                        callsPerSecond,
                        startMs,
                        endMs));
        List<Incident> truth = new ArrayList<>(effects.size());
        for (IncidentEffect e : effects) {
            truth.add(e.truth());
            ArrivalStream extra = e.arrivals(synthesizer);
            if (extra != null) {
                streams.add(extra);
            }
        }
        return new TrafficSimulator(List.copyOf(truth), streams, catalog);
    }

    /** Ground truth: the incidents of this run with their subjects, in timeline order. */
    public List<Incident> incidents() {
        return incidents;
    }

    /** The services, models, tenants and users this run draws from. */
    public Catalog catalog() {
        return catalog;
    }

    /** Events returned so far. */
    public long generated() {
        return generated;
    }

    @Override
    public boolean hasNext() {
        return nextStream() >= 0;
    }

    @Override
    public SimulatedEvent next() {
        int i = nextStream();
        if (i < 0) {
            throw new NoSuchElementException("the run is over");
        }
        generated++;
        return streams[i].emit();
    }

    /** The stream with the earliest next call (the first one on ties), or -1 when all are done. */
    private int nextStream() {
        int best = -1;
        long bestTime = Long.MAX_VALUE;
        for (int i = 0; i < streams.length; i++) {
            long t = streams[i].nextTimeMs();
            if (t < bestTime) {
                bestTime = t;
                best = i;
            }
        }
        return best;
    }
}
