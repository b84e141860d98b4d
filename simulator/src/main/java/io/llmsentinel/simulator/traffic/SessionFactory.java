package io.llmsentinel.simulator.traffic;

import java.util.SplittableRandom;

/** Opens sessions: who is calling, which model the application uses for them, how many turns. */
public final class SessionFactory {
    private final Catalog catalog;
    private final IdSource ids;
    private final SplittableRandom rng;

    public SessionFactory(Catalog catalog, IdSource ids, SplittableRandom rng) {
        this.catalog = catalog;
        this.ids = ids;
        this.rng = rng;
    }

    /** A session of a random user of a random tenant (tenants weighted by size). */
    public Session open(ServiceProfile service) {
        Tenant tenant = catalog.pickTenant(rng);
        return open(service, tenant, Draw.oneOf(rng, tenant.users()));
    }

    /** A session of a random user of this tenant. */
    public Session open(ServiceProfile service, Tenant tenant) {
        return open(service, tenant, Draw.oneOf(rng, tenant.users()));
    }

    public Session open(ServiceProfile service, Tenant tenant, String userId) {
        return open(
                service,
                tenant,
                userId,
                service.models().pick(rng),
                Draw.between(rng, service.minTurns(), service.maxTurns()));
    }

    public Session open(
            ServiceProfile service,
            Tenant tenant,
            String userId,
            ModelProfile model,
            int plannedTurns) {
        Session s =
                new Session(
                        ids.nextSessionId(),
                        ids.nextConversationId(),
                        service,
                        tenant,
                        userId,
                        model,
                        service.templates().pick(rng),
                        plannedTurns,
                        Math.round(Draw.logNormal(rng, service.systemPromptTokens(), 0.15)));
        if (service.kind() == ServiceKind.AGENT) {
            // All steps of an agent run are children of one trace.
            s.traceHigh = ids.nextTraceIdHigh();
            s.traceLow = rng.nextLong() | 1;
        }
        return s;
    }
}
