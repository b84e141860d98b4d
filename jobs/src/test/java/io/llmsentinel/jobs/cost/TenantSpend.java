package io.llmsentinel.jobs.cost;

import io.llmsentinel.detectors.cost.EventPricer;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.pricing.PricingTable;
import java.util.List;

/**
 * What simulated events themselves say about a tenant's spend, priced as the cost job prices them:
 * the expectations the cost ITs hold the job's budget anomalies to.
 */
final class TenantSpend {
    private final List<LlmEvent> events;
    private final EventPricer pricer = new EventPricer(PricingTable.loadDefault());

    /**
     * @param events in event-time order, as the simulator generates them
     */
    TenantSpend(List<LlmEvent> events) {
        this.events = events;
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

    /** The reported cost, else the price of a copy: the events stay as the job will read them. */
    private double cost(LlmEvent e) {
        if (e.costUsd != null) {
            return e.costUsd;
        }
        LlmEvent copy = new LlmEvent();
        copy.providerName = e.providerName;
        copy.requestModel = e.requestModel;
        copy.responseModel = e.responseModel;
        copy.eventTime = e.eventTime;
        copy.usageInputTokens = e.usageInputTokens;
        copy.usageOutputTokens = e.usageOutputTokens;
        copy.usageCacheReadInputTokens = e.usageCacheReadInputTokens;
        pricer.price(copy);
        return copy.costUsd == null ? 0 : copy.costUsd;
    }
}
