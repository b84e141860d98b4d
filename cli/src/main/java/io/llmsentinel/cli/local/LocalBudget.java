package io.llmsentinel.cli.local;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.TrafficSimulator;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks a daily budget for the local run's runaway tenant so that its 80% and 100% thresholds are
 * crossed during the scripted spend runaway and not before: the simulator is deterministic, so the
 * run is replayed quickly in memory first and the tenant's spend read off it.
 */
final class LocalBudget {
    private LocalBudget() {}

    /** {@code tenant:daily:usd}, or empty when the timeline has no spend runaway. */
    static Optional<String> forRunawayTenant(SimulatorConfig paced, long startMs) {
        SimulatorConfig dryRun =
                SimulatorConfig.builder()
                        .seed(paced.seed())
                        .ratePerSecond(paced.ratePerSecond())
                        .duration(paced.duration())
                        .startTime(Instant.ofEpochMilli(startMs))
                        .format(paced.format())
                        .timeline(paced.timeline())
                        .build();
        TrafficSimulator sim = new SimulatorRunner().simulator(dryRun);
        Optional<Incident> runaway =
                sim.incidents().stream()
                        .filter(i -> i.incidentType() == IncidentType.SPEND_RUNAWAY)
                        .findFirst();
        if (runaway.isEmpty()) {
            return Optional.empty();
        }
        String tenant = runaway.get().tenantId();
        // warning a quarter into the incident: its spend before then is 80% of the budget
        long warningAt =
                runaway.get().startMs() + (runaway.get().endMs() - runaway.get().startMs()) / 4;
        PricingTable pricing = PricingTable.loadDefault();
        double spend = 0;
        while (sim.hasNext()) {
            LlmEvent e = sim.next().event();
            if (e.eventTime >= warningAt) {
                break;
            }
            if (tenant.equals(e.tenantId)) {
                spend += cost(e, pricing);
            }
        }
        double budget = spend / 0.8;
        return Optional.of(String.format(Locale.ROOT, "%s:daily:%.2f", tenant, budget));
    }

    private static double cost(LlmEvent e, PricingTable pricing) {
        if (e.costUsd != null) {
            return e.costUsd;
        }
        return pricing.costUsd(
                        e.providerName,
                        e.effectiveModel(),
                        e.eventTime,
                        orZero(e.usageInputTokens),
                        orZero(e.usageOutputTokens),
                        orZero(e.usageCacheReadInputTokens))
                .orElse(0);
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
