package io.llmsentinel.jobs.cost;

import io.llmsentinel.detectors.cost.EventPricer;
import io.llmsentinel.jobs.SimulatedScenario;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.pricing.PricingTable;
import java.util.List;

/**
 * What a scenario's events themselves say about a tenant's spend, priced as the cost job prices
 * them: the expectations the cost ITs hold the job's budget anomalies to.
 */
final class TenantSpend {
    /** Its own copy of the events, priced in place: the ones a job reads stay unpriced. */
    private final List<LlmEvent> events;

    TenantSpend(SimulatedScenario scenario) {
        this.events = scenario.events();
        EventPricer pricer = new EventPricer(PricingTable.loadDefault());
        events.forEach(pricer::price);
    }

    /** The tenant's spend from the start of the run until {@code untilMs} (exclusive). */
    double until(String tenant, long untilMs) {
        double sum = 0;
        for (LlmEvent e : events) {
            if (e.eventTime >= untilMs) {
                break;
            }
            if (tenant.equals(e.tenantId)) {
                sum += cost(e);
            }
        }
        return sum;
    }

    /** Time of the tenant's call that brings its spend since the start to {@code amount}, or -1. */
    long crossing(String tenant, double amount) {
        double sum = 0;
        for (LlmEvent e : events) {
            if (tenant.equals(e.tenantId)) {
                sum += cost(e);
                if (sum >= amount) {
                    return e.eventTime;
                }
            }
        }
        return -1;
    }

    /** As the job's spend sums count it: a call that could not be priced is free. */
    private static double cost(LlmEvent e) {
        return e.costUsd == null ? 0 : e.costUsd;
    }
}
