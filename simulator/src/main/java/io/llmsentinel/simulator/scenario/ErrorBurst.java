package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.traffic.CallEffects;
import io.llmsentinel.simulator.traffic.ModelProfile;
import io.llmsentinel.simulator.traffic.Session;

/** A model starts failing (5xx and timeouts) on every service that calls it. */
final class ErrorBurst extends IncidentEffect {
    static final double ERROR_RATE = 0.30;

    private final ModelProfile model;

    ErrorBurst(Incident truth, ModelProfile model) {
        super(truth);
        this.model = model;
    }

    @Override
    protected boolean affects(Session s) {
        return s.model == model;
    }

    @Override
    protected void apply(CallEffects e) {
        e.errorRate = Math.max(e.errorRate, ERROR_RATE);
        e.claim(IncidentType.ERROR_BURST);
    }
}
