package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.traffic.CallEffects;
import io.llmsentinel.simulator.traffic.ServiceProfile;
import io.llmsentinel.simulator.traffic.Session;

/**
 * Some answers of one service carry personal data ({@link IncidentType#PII_LEAK}) or credentials
 * ({@link IncidentType#SECRET_LEAK}). Only the answers that actually leak are tagged with the
 * incident; the synthesizer decides which.
 */
final class ContentLeak extends IncidentEffect {
    /** Share of the service's answers that leak while the incident lasts. */
    static final double LEAK_SHARE = 0.08;

    private final ServiceProfile service;

    ContentLeak(Incident truth, ServiceProfile service) {
        super(truth);
        if (truth.incidentType() != IncidentType.PII_LEAK
                && truth.incidentType() != IncidentType.SECRET_LEAK) {
            throw new IllegalArgumentException("not a leak: " + truth.incidentType());
        }
        this.service = service;
    }

    @Override
    protected boolean affects(Session s) {
        return s.service == service;
    }

    @Override
    protected void apply(CallEffects e) {
        if (truth.incidentType() == IncidentType.PII_LEAK) {
            e.piiLeakShare = LEAK_SHARE;
        } else {
            e.secretLeakShare = LEAK_SHARE;
        }
    }
}
