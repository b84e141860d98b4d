package io.llmsentinel.simulator.traffic;

/**
 * How one model behaves in the simulation. Latency is log-normal per model; it is scaled mildly by
 * the output length so that long answers take longer without the distribution losing its per-model
 * shape.
 *
 * @param provider gen_ai.provider.name
 * @param requestModel what applications ask for
 * @param responseModel the dated version that answers
 * @param swapResponseModel the version a silent model swap switches to, null if none
 * @param latencyMedianMs median end-to-end latency for a typical answer
 * @param latencySigma log-space spread of the latency
 * @param ttfcMedianMs median time to the first streamed chunk
 * @param outputScale multiplies the service's typical answer length (terse vs verbose models)
 * @param contextWindow input tokens beyond this fail with context_length_exceeded
 * @param promptCaching whether repeated prefixes are billed as cached input
 * @param reasoning whether the model spends hidden reasoning tokens (counted in output tokens)
 * @param responseIdPrefix how this provider's response ids start; null when it sends none
 */
public record ModelProfile(
        String provider,
        String requestModel,
        String responseModel,
        String swapResponseModel,
        String serverAddress,
        double latencyMedianMs,
        double latencySigma,
        double ttfcMedianMs,
        double ttfcSigma,
        double outputScale,
        long contextWindow,
        boolean promptCaching,
        boolean reasoning,
        String responseIdPrefix) {}
