package io.llmsentinel.simulator.traffic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Who calls what: the services with their models, and the tenants with their users. Tenant sizes
 * follow a Zipf law (a few big customers, a long tail), assigned to names in a seed-dependent
 * order.
 */
public final class Catalog {
    private static final List<String> TENANT_NAMES =
            List.of(
                    "northwind",
                    "contoso",
                    "fabrikam",
                    "tailspin",
                    "adventure-works",
                    "woodgrove",
                    "litware",
                    "proseware",
                    "fourth-coffee",
                    "wingtip",
                    "alpine-ski",
                    "blue-yonder",
                    "lucerne",
                    "margies-travel");

    /** Users of a tenant: a floor, plus this many times the tenant's traffic share. */
    private static final int MIN_USERS_PER_TENANT = 6;

    private static final int USERS_PER_UNIT_SHARE = 280;

    private final List<ServiceProfile> services;
    private final Weighted<ServiceProfile> serviceMix;

    /** Largest first. */
    private final List<Tenant> tenants;

    private final Weighted<Tenant> tenantMix;

    private Catalog(List<ServiceProfile> services, List<Tenant> tenants) {
        this.services = services;
        double[] serviceWeights = new double[services.size()];
        for (int i = 0; i < services.size(); i++) {
            serviceWeights[i] = services.get(i).trafficShare();
        }
        this.serviceMix = Weighted.of(services, serviceWeights);
        this.tenants = tenants;
        double[] tenantWeights = new double[tenants.size()];
        for (int i = 0; i < tenants.size(); i++) {
            tenantWeights[i] = tenants.get(i).share();
        }
        this.tenantMix = Weighted.of(tenants, tenantWeights);
    }

    public static Catalog create(SplittableRandom rng) {
        List<String> names = new ArrayList<>(TENANT_NAMES);
        Collections.shuffle(names, new Random(rng.nextLong()));
        double harmonic = 0;
        for (int rank = 1; rank <= names.size(); rank++) {
            harmonic += 1.0 / rank;
        }
        Set<String> userIds = new HashSet<>();
        List<Tenant> tenants = new ArrayList<>(names.size());
        for (int rank = 1; rank <= names.size(); rank++) {
            double share = 1.0 / rank / harmonic;
            int userCount = MIN_USERS_PER_TENANT + (int) Math.round(share * USERS_PER_UNIT_SHARE);
            List<String> users = new ArrayList<>(userCount);
            while (users.size() < userCount) {
                String id = "user-" + Ids.hex(rng.nextLong(), 6);
                if (userIds.add(id)) {
                    users.add(id);
                }
            }
            tenants.add(new Tenant(names.get(rank - 1), share, List.copyOf(users)));
        }
        return new Catalog(Services.ALL, List.copyOf(tenants));
    }

    public List<ServiceProfile> services() {
        return services;
    }

    public ServiceProfile pickService(SplittableRandom rng) {
        return serviceMix.pick(rng);
    }

    public Tenant pickTenant(SplittableRandom rng) {
        return tenantMix.pick(rng);
    }

    /** Tenants, largest first. */
    public List<Tenant> tenants() {
        return tenants;
    }

    /** Share of all baseline calls that go to this model from this service. */
    public double routeShare(ServiceProfile service, ModelProfile model) {
        return service.trafficShare() * service.models().share(model);
    }

    /** Share of all baseline calls that go to this model. */
    public double modelShare(ModelProfile model) {
        double share = 0;
        for (ServiceProfile s : services) {
            share += routeShare(s, model);
        }
        return share;
    }

    /** The models some service calls, in catalog order. */
    public List<ModelProfile> models() {
        List<ModelProfile> out = new ArrayList<>();
        for (ModelProfile m : Models.ALL) {
            if (modelShare(m) > 0) {
                out.add(m);
            }
        }
        return out;
    }
}
