package io.llmsentinel.simulator.scenario;

import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentSpec;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.traffic.Catalog;
import io.llmsentinel.simulator.traffic.Draw;
import io.llmsentinel.simulator.traffic.Ids;
import io.llmsentinel.simulator.traffic.ModelProfile;
import io.llmsentinel.simulator.traffic.ServiceProfile;
import io.llmsentinel.simulator.traffic.Services;
import io.llmsentinel.simulator.traffic.Session;
import io.llmsentinel.simulator.traffic.SessionFactory;
import io.llmsentinel.simulator.traffic.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Chooses who each incident of a timeline hits, from the seed, and builds its effect. Subjects are
 * picked among the busier routes, models and tenants, so that every incident has enough traffic to
 * be visible even in a short run.
 */
public final class IncidentPlanner {
    /** Routes and models below this share of traffic are not picked as subjects. */
    static final double MIN_ROUTE_SHARE = 0.09;

    static final double MIN_MODEL_SHARE = 0.1;
    static final double MIN_SWAP_ROUTE_SHARE = 0.07;

    private final Catalog catalog;
    private final SessionFactory sessions;
    private final SplittableRandom rng;
    private final double baselineCallsPerSecond;

    public IncidentPlanner(
            Catalog catalog,
            SessionFactory sessions,
            SplittableRandom rng,
            double baselineCallsPerSecond) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.rng = rng;
        this.baselineCallsPerSecond = baselineCallsPerSecond;
    }

    public List<IncidentEffect> plan(List<IncidentSpec> specs, long runStartMs) {
        List<IncidentEffect> out = new ArrayList<>(specs.size());
        for (IncidentSpec spec : specs) {
            long start = runStartMs + spec.offset().toMillis();
            long end = start + spec.duration().toMillis();
            out.add(plan(spec.type(), start, end));
        }
        return out;
    }

    private IncidentEffect plan(IncidentType type, long start, long end) {
        SplittableRandom own = rng.split();
        switch (type) {
            case LATENCY_DEGRADATION:
                {
                    Route r = Draw.oneOf(rng, routes(MIN_ROUTE_SHARE, false));
                    double factor = Draw.uniform(rng, 4.5, 7.5);
                    double ttfc = Draw.uniform(rng, 3.0, 6.0);
                    Incident truth =
                            Incident.of(
                                            type,
                                            start,
                                            end,
                                            String.format(
                                                    Locale.ROOT,
                                                    "%s calls to %s (%s) are about %.1fx slower,"
                                                            + " time to first chunk about %.1fx",
                                                    r.service.name(),
                                                    r.model.requestModel(),
                                                    r.model.provider(),
                                                    factor,
                                                    ttfc))
                                    .withModel(r.model.provider(), r.model.requestModel())
                                    .withService(r.service.name());
                    return new LatencyDegradation(truth, r.service, r.model, factor, ttfc, own);
                }
            case ERROR_BURST:
                {
                    ModelProfile m = Draw.oneOf(rng, busyModels());
                    Incident truth =
                            Incident.of(
                                            type,
                                            start,
                                            end,
                                            String.format(
                                                    Locale.ROOT,
                                                    "%s (%s) fails about %.0f%% of calls (500, 503,"
                                                            + " timeout) on every service",
                                                    m.requestModel(),
                                                    m.provider(),
                                                    ErrorBurst.ERROR_RATE * 100))
                                    .withModel(m.provider(), m.requestModel());
                    return new ErrorBurst(truth, m);
                }
            case SPEND_RUNAWAY:
                {
                    // A mid-sized tenant: big enough to matter, small enough to stand out.
                    List<Tenant> tenants = catalog.tenants();
                    Tenant t = tenants.get(Draw.between(rng, 2, Math.min(6, tenants.size() - 1)));
                    Incident truth =
                            Incident.of(
                                            type,
                                            start,
                                            end,
                                            String.format(
                                                    Locale.ROOT,
                                                    "tenant %s makes %.0fx its usual calls with"
                                                            + " %.0fx input and %.0fx output"
                                                            + " tokens (spend about x10)",
                                                    t.id(),
                                                    SpendRunaway.CALL_MULTIPLIER,
                                                    SpendRunaway.INPUT_FACTOR,
                                                    SpendRunaway.OUTPUT_FACTOR))
                                    .withTenant(t.id());
                    return new SpendRunaway(
                            truth, t, catalog, sessions, baselineCallsPerSecond, own);
                }
            case AGENT_LOOP:
                {
                    ServiceProfile service = Services.AGENT_RUNNER;
                    Tenant t = catalog.pickTenant(rng);
                    String user = Draw.oneOf(rng, t.users());
                    ModelProfile m = service.models().pick(rng);
                    Session s = sessions.open(service, t, user, m, Integer.MAX_VALUE);
                    Incident truth =
                            Incident.of(
                                            type,
                                            start,
                                            end,
                                            "agent session "
                                                    + s.id
                                                    + " repeats the same tool call every few"
                                                    + " seconds with growing input")
                                    .withModel(m.provider(), m.requestModel())
                                    .withService(service.name())
                                    .withTenant(t.id())
                                    .withUser(user)
                                    .withSession(s.id);
                    return new AgentLoop(truth, s, own);
                }
            case PROMPT_INJECTION:
                {
                    ServiceProfile service =
                            Draw.chance(rng, 0.7) ? Services.SUPPORT_BOT : Services.AGENT_RUNNER;
                    Tenant t = catalog.pickTenant(rng);
                    String attacker = newUserId();
                    Incident truth =
                            Incident.of(
                                            type,
                                            start,
                                            end,
                                            "user "
                                                    + attacker
                                                    + " sends prompt-injection and jailbreak"
                                                    + " prompts to "
                                                    + service.name())
                                    .withService(service.name())
                                    .withTenant(t.id())
                                    .withUser(attacker);
                    return new PromptInjection(truth, service, t, attacker, sessions, own);
                }
            case PII_LEAK:
            case SECRET_LEAK:
                {
                    boolean pii = type == IncidentType.PII_LEAK;
                    ServiceProfile service =
                            pii
                                    ? (Draw.chance(rng, 0.7)
                                            ? Services.SUPPORT_BOT
                                            : Services.SEARCH_SUMMARIZER)
                                    : (Draw.chance(rng, 0.8)
                                            ? Services.CODE_ASSISTANT
                                            : Services.AGENT_RUNNER);
                    Incident truth =
                            Incident.of(
                                            type,
                                            start,
                                            end,
                                            String.format(
                                                    Locale.ROOT,
                                                    "about %.0f%% of %s answers contain %s",
                                                    ContentLeak.LEAK_SHARE * 100,
                                                    service.name(),
                                                    pii
                                                            ? "personal data (emails, phones,"
                                                                    + " cards, IBANs, SSNs)"
                                                            : "credentials (cloud keys, API"
                                                                    + " tokens, JWTs, private"
                                                                    + " keys)"))
                                    .withService(service.name());
                    return new ContentLeak(truth, service);
                }
            case OUTPUT_LENGTH_SHIFT:
                {
                    ModelProfile m = Draw.oneOf(rng, busyModels());
                    double factor = Draw.uniform(rng, 2.0, 3.0);
                    Incident truth =
                            Incident.of(
                                            type,
                                            start,
                                            end,
                                            String.format(
                                                    Locale.ROOT,
                                                    "%s (%s) answers are about %.1fx longer and"
                                                            + " often stop at max_tokens",
                                                    m.requestModel(),
                                                    m.provider(),
                                                    factor))
                                    .withModel(m.provider(), m.requestModel());
                    return new OutputLengthShift(truth, m, factor);
                }
            case MODEL_SWAP:
                {
                    Route r = Draw.oneOf(rng, routes(MIN_SWAP_ROUTE_SHARE, true));
                    String to = r.model.swapResponseModel();
                    double outputFactor = Draw.uniform(rng, 1.3, 1.6);
                    double latencyFactor = Draw.uniform(rng, 0.6, 0.85);
                    Incident truth =
                            Incident.of(
                                            type,
                                            start,
                                            end,
                                            String.format(
                                                    Locale.ROOT,
                                                    "%s requests %s but is answered by %s instead"
                                                            + " of %s (answers %.1fx longer)",
                                                    r.service.name(),
                                                    r.model.requestModel(),
                                                    to,
                                                    r.model.responseModel(),
                                                    outputFactor))
                                    .withModel(r.model.provider(), r.model.requestModel())
                                    .withService(r.service.name());
                    return new ModelSwap(
                            truth, r.service, r.model, to, outputFactor, latencyFactor);
                }
            default:
                throw new IllegalStateException("no plan for " + type);
        }
    }

    private record Route(ServiceProfile service, ModelProfile model) {}

    private List<Route> routes(double minShare, boolean swappableOnly) {
        List<Route> out = new ArrayList<>();
        for (ServiceProfile s : catalog.services()) {
            for (ModelProfile m : s.models().items()) {
                if (catalog.routeShare(s, m) >= minShare
                        && (!swappableOnly || m.swapResponseModel() != null)) {
                    out.add(new Route(s, m));
                }
            }
        }
        return out;
    }

    private List<ModelProfile> busyModels() {
        List<ModelProfile> out = new ArrayList<>();
        for (ModelProfile m : catalog.models()) {
            if (catalog.modelShare(m) >= MIN_MODEL_SHARE) {
                out.add(m);
            }
        }
        return out;
    }

    /** An account that has not called before: the attacker signed up for the attack. */
    private String newUserId() {
        while (true) {
            String id = "user-" + Ids.hex(rng.nextLong(), 6);
            boolean taken = false;
            for (Tenant other : catalog.tenants()) {
                if (other.users().contains(id)) {
                    taken = true;
                    break;
                }
            }
            if (!taken) {
                return id;
            }
        }
    }
}
