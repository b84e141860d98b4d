package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.traffic.CallEffects;
import io.llmsentinel.simulator.traffic.ModelProfile;
import io.llmsentinel.simulator.traffic.ServiceProfile;
import io.llmsentinel.simulator.traffic.Session;

/**
 * The provider (or a gateway) silently routes one service's requests for a model to another
 * version: request_model stays, response_model changes, and the answers behave a bit differently.
 */
final class ModelSwap extends IncidentEffect {
    private final ServiceProfile service;
    private final ModelProfile model;
    private final String swappedTo;
    private final double outputFactor;
    private final double latencyFactor;

    ModelSwap(
            Incident truth,
            ServiceProfile service,
            ModelProfile model,
            String swappedTo,
            double outputFactor,
            double latencyFactor) {
        super(truth);
        this.service = service;
        this.model = model;
        this.swappedTo = swappedTo;
        this.outputFactor = outputFactor;
        this.latencyFactor = latencyFactor;
    }

    @Override
    protected boolean affects(Session s) {
        return s.service == service && s.model == model;
    }

    @Override
    protected void apply(CallEffects e) {
        e.responseModelOverride = swappedTo;
        e.outputFactor *= outputFactor;
        e.latencyFactor *= latencyFactor;
        e.claim(IncidentType.MODEL_SWAP);
    }
}
