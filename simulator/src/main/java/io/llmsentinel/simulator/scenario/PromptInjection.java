package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.traffic.ArrivalStream;
import io.llmsentinel.simulator.traffic.CallSynthesizer;
import io.llmsentinel.simulator.traffic.Draw;
import io.llmsentinel.simulator.traffic.ServiceProfile;
import io.llmsentinel.simulator.traffic.Session;
import io.llmsentinel.simulator.traffic.SessionFactory;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import io.llmsentinel.simulator.traffic.Tenant;
import java.util.SplittableRandom;

/**
 * A user (an account nobody saw before) probes one service with injection and jailbreak prompts, a
 * new one every few seconds, starting a fresh chat every few attempts as attackers do when a
 * conversation gets stuck on refusals.
 */
final class PromptInjection extends IncidentEffect {
    static final double ATTEMPT_GAP_MS = 5000;
    static final int MIN_ATTEMPTS = 25;
    static final int ATTEMPTS_PER_SESSION = 6;

    private final ServiceProfile service;
    private final Tenant tenant;
    private final String attacker;
    private final SessionFactory sessions;
    private final SplittableRandom rng;

    PromptInjection(
            Incident truth,
            ServiceProfile service,
            Tenant tenant,
            String attacker,
            SessionFactory sessions,
            SplittableRandom rng) {
        super(truth);
        this.service = service;
        this.tenant = tenant;
        this.attacker = attacker;
        this.sessions = sessions;
        this.rng = rng;
    }

    @Override
    public ArrivalStream arrivals(CallSynthesizer synthesizer) {
        double meanGap = gapMs(truth, ATTEMPT_GAP_MS, MIN_ATTEMPTS);
        WindowedArrivals stream =
                new WindowedArrivals(truth) {
                    private Session session;

                    @Override
                    double nextGapMs() {
                        return Draw.uniform(rng, 0.4 * meanGap, 1.6 * meanGap);
                    }

                    @Override
                    SimulatedEvent call(long timeMs) {
                        if (session == null || session.turns >= ATTEMPTS_PER_SESSION) {
                            session =
                                    sessions.open(
                                            service,
                                            tenant,
                                            attacker,
                                            service.models().pick(rng),
                                            Integer.MAX_VALUE);
                        }
                        return synthesizer.call(
                                session,
                                timeMs,
                                e -> {
                                    e.attack = true;
                                    e.claim(IncidentType.PROMPT_INJECTION);
                                });
                    }
                };
        stream.start();
        return stream;
    }
}
