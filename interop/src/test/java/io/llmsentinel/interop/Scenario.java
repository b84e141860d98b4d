package io.llmsentinel.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * interop/scenario.json: the calls the application makes, the replies the fake server scripts for
 * them, and the canonical event fields a perfect mapping gives for each. The Node side reads the
 * same file, so requests, replies and expectations cannot drift apart.
 */
record Scenario(
        String serviceName,
        String deploymentEnvironment,
        Map<String, String> baggage,
        List<Call> calls) {

    /**
     * One call of the scenario.
     *
     * @param delayMs the server's wait before it answers (before the first chunk of a stream)
     * @param chunkDelayMs the server's wait between two chunks of a stream
     */
    record Call(
            String name,
            String api,
            JsonNode request,
            JsonNode reply,
            JsonNode canonical,
            long delayMs,
            long chunkDelayMs) {

        boolean streaming() {
            return request.path("stream").asBoolean(false);
        }

        boolean fails() {
            return reply.path("status").asInt() >= 400;
        }

        /** How long the fake server takes at least to answer this call in full. */
        long scriptedServerMs() {
            int chunks = reply.path("chunks").size();
            return delayMs + (chunks > 1 ? (chunks - 1) * chunkDelayMs : 0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Scenario load(Path interopDir) {
        JsonNode root = InteropJson.read(interopDir.resolve("scenario.json"));
        Map<String, String> baggage = new LinkedHashMap<>();
        root.path("baggage")
                .properties()
                .forEach(e -> baggage.put(e.getKey(), e.getValue().asText()));
        List<Call> calls = new ArrayList<>();
        for (JsonNode c : root.path("calls")) {
            calls.add(
                    new Call(
                            c.path("name").asText(),
                            c.path("api").asText(),
                            c.path("request"),
                            c.path("reply"),
                            c.path("canonical"),
                            c.path("delay_ms").asLong(0),
                            c.path("chunk_delay_ms").asLong(0)));
        }
        return new Scenario(
                root.path("service_name").asText(),
                root.path("deployment_environment").asText(),
                Map.copyOf(baggage),
                List.copyOf(calls));
    }

    Call call(String name) {
        return calls.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no call " + name + " in scenario"));
    }

    boolean hasCall(String name) {
        return calls.stream().anyMatch(c -> c.name().equals(name));
    }
}
