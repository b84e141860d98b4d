package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.traffic.CallEffects;
import io.llmsentinel.simulator.traffic.ModelProfile;
import io.llmsentinel.simulator.traffic.Session;

/**
 * A model turns verbose (a provider-side change): answers 2-3x longer, and many run into the
 * max_tokens limit and stop with finish_reason "length".
 */
final class OutputLengthShift extends IncidentEffect {
    static final double FORCED_LENGTH_SHARE = 0.3;

    private final ModelProfile model;
    private final double factor;

    OutputLengthShift(Incident truth, ModelProfile model, double factor) {
        super(truth);
        this.model = model;
        this.factor = factor;
    }

    @Override
    protected boolean affects(Session s) {
        return s.model == model;
    }

    @Override
    protected void apply(CallEffects e) {
        e.outputFactor *= factor;
        e.forcedLengthShare = Math.max(e.forcedLengthShare, FORCED_LENGTH_SHARE);
        e.claim(IncidentType.OUTPUT_LENGTH_SHIFT);
    }
}
