package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.traffic.CallEffects;
import io.llmsentinel.simulator.traffic.Draw;
import io.llmsentinel.simulator.traffic.ModelProfile;
import io.llmsentinel.simulator.traffic.ServiceProfile;
import io.llmsentinel.simulator.traffic.Session;
import java.util.SplittableRandom;

/** One service's calls to one model get several times slower, the first chunk later too. */
final class LatencyDegradation extends IncidentEffect {
    private final ServiceProfile service;
    private final ModelProfile model;
    private final double latencyFactor;
    private final double ttfcFactor;
    private final SplittableRandom rng;

    LatencyDegradation(
            Incident truth,
            ServiceProfile service,
            ModelProfile model,
            double latencyFactor,
            double ttfcFactor,
            SplittableRandom rng) {
        super(truth);
        this.service = service;
        this.model = model;
        this.latencyFactor = latencyFactor;
        this.ttfcFactor = ttfcFactor;
        this.rng = rng;
    }

    @Override
    protected boolean affects(Session s) {
        return s.service == service && s.model == model;
    }

    @Override
    protected void apply(CallEffects e) {
        // A degraded backend is not uniformly slower: jitter each call around the factor.
        e.latencyFactor *= latencyFactor * Draw.uniform(rng, 0.85, 1.15);
        e.ttfcFactor *= ttfcFactor * Draw.uniform(rng, 0.85, 1.15);
        e.claim(IncidentType.LATENCY_DEGRADATION);
    }
}
