package io.llmsentinel.simulator.encode;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.traffic.ServiceProfile;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Groups events into ExportTraceServiceRequests the way an OTel Collector's batch processor does:
 * per service (one resource), a few calls per request, and never holding a call back for longer
 * than {@link #MAX_HOLD_MS} of event time. Each call brings its HTTP server span and sometimes a
 * database span, so requests mix GenAI and non-GenAI spans.
 */
final class OtlpRequestBatcher {
    static final int MIN_BATCH = 2;
    static final int MAX_BATCH = 6;
    static final long MAX_HOLD_MS = 1000;

    /** A finished request and what it carries. */
    record Batch(ExportTraceServiceRequest request, LlmEvent first, LlmEvent last, int events) {}

    private final SplittableRandom rng;
    private final OtlpSpans spans;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    OtlpRequestBatcher(SplittableRandom rng) {
        this.rng = rng;
        this.spans = new OtlpSpans(rng);
    }

    private final class Pending {
        final List<LlmEvent> events = new ArrayList<>(MAX_BATCH);
        int target = nextTarget();
    }

    void add(LlmEvent event, Consumer<Batch> out) {
        flushStale(event.eventTime, out);
        Pending p = pending.computeIfAbsent(event.serviceName, k -> new Pending());
        p.events.add(event);
        if (p.events.size() >= p.target) {
            out.accept(build(p.events));
            p.events.clear();
            p.target = nextTarget();
        }
    }

    void flush(Consumer<Batch> out) {
        for (Pending p : pending.values()) {
            if (!p.events.isEmpty()) {
                out.accept(build(p.events));
                p.events.clear();
            }
        }
    }

    private void flushStale(long now, Consumer<Batch> out) {
        for (Pending p : pending.values()) {
            if (!p.events.isEmpty() && now - p.events.get(0).eventTime > MAX_HOLD_MS) {
                out.accept(build(p.events));
                p.events.clear();
            }
        }
    }

    private int nextTarget() {
        return MIN_BATCH + rng.nextInt(MAX_BATCH - MIN_BATCH + 1);
    }

    private Batch build(List<LlmEvent> events) {
        LlmEvent first = events.get(0);
        ServiceProfile service = OtlpResources.service(first.serviceName);
        String language = service == null ? "python" : service.sdkLanguage();
        String route = service == null ? "/v1/chat" : service.httpRoute();

        List<Span> http = new ArrayList<>(events.size());
        List<Span> database = new ArrayList<>(2);
        Map<String, ScopeSpans.Builder> genAi = new LinkedHashMap<>();
        for (LlmEvent e : events) {
            http.add(spans.httpServerSpan(e, route));
            Span db = spans.databaseSpan(e);
            if (db != null) {
                database.add(db);
            }
            InstrumentationScope scope = OtlpResources.genAiScope(e.providerName, language);
            genAi.computeIfAbsent(scope.getName(), k -> ScopeSpans.newBuilder().setScope(scope))
                    .addSpans(spans.genAiSpan(e));
        }
        ResourceSpans.Builder resource =
                ResourceSpans.newBuilder()
                        .setResource(
                                OtlpResources.resource(
                                        first.serviceName,
                                        first.deploymentEnvironment,
                                        language,
                                        rng.nextInt(OtlpResources.PODS_PER_SERVICE)))
                        .addScopeSpans(
                                ScopeSpans.newBuilder()
                                        .setScope(OtlpResources.httpScope(language))
                                        .addAllSpans(http));
        if (!database.isEmpty()) {
            resource.addScopeSpans(
                    ScopeSpans.newBuilder()
                            .setScope(OtlpResources.databaseScope(language))
                            .addAllSpans(database));
        }
        for (ScopeSpans.Builder scope : genAi.values()) {
            resource.addScopeSpans(scope);
        }
        ExportTraceServiceRequest request =
                ExportTraceServiceRequest.newBuilder().addResourceSpans(resource).build();
        return new Batch(request, first, events.get(events.size() - 1), events.size());
    }
}
