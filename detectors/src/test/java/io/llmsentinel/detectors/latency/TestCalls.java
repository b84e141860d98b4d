package io.llmsentinel.detectors.latency;

import io.llmsentinel.schema.LlmEvent;
import java.util.Random;

/** Synthetic calls for one route with log-normal latencies, deterministic per seed. */
final class TestCalls {
    static final long MINUTE = 60_000;
    static final long T0 = 1_750_000_020_000L / MINUTE * MINUTE;

    private final Random rng;
    private final String provider;
    private final String model;
    private final String service;
    private int next;

    TestCalls(long seed, String provider, String model, String service) {
        this.rng = new Random(seed);
        this.provider = provider;
        this.model = model;
        this.service = service;
    }

    static TestCalls route(long seed) {
        return new TestCalls(seed, "openai", "gpt-4o", "checkout");
    }

    /** A successful call with log-normal latency (median, sigma) and TTFC a fifth of it. */
    LlmEvent ok(long time, double medianMs, double sigma) {
        LlmEvent e = base(time);
        e.status = LlmEvent.STATUS_OK;
        e.latencyMs = medianMs * Math.exp(sigma * rng.nextGaussian());
        e.timeToFirstChunkMs = e.latencyMs / 5;
        return e;
    }

    LlmEvent error(long time, String type) {
        LlmEvent e = base(time);
        e.status = LlmEvent.STATUS_ERROR;
        e.errorType = type;
        e.latencyMs = "timeout".equals(type) ? 30_000 : 200;
        return e;
    }

    private LlmEvent base(long time) {
        LlmEvent e = new LlmEvent();
        e.eventId = model + "-" + service + "-" + next++;
        e.eventTime = time;
        e.providerName = provider;
        e.requestModel = model;
        e.responseModel = model + "-2024";
        e.serviceName = service;
        e.operationName = "chat";
        return e;
    }

    double uniform() {
        return rng.nextDouble();
    }
}
