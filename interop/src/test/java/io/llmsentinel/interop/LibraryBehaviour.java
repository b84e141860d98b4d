package io.llmsentinel.interop;

import static io.llmsentinel.interop.Field.ERROR_TYPE;
import static io.llmsentinel.interop.Field.FINISH_REASONS;
import static io.llmsentinel.interop.Field.OPERATION_NAME;
import static io.llmsentinel.interop.Field.PROMPT_TEXT;
import static io.llmsentinel.interop.Field.RESPONSE_ID;
import static io.llmsentinel.interop.Field.RESPONSE_MODEL;
import static io.llmsentinel.interop.Field.SERVER_ADDRESS;
import static io.llmsentinel.interop.Field.SERVER_PORT;
import static io.llmsentinel.interop.Field.TIME_TO_FIRST_CHUNK_MS;
import static io.llmsentinel.interop.Field.USAGE_CACHE_READ_INPUT_TOKENS;
import static io.llmsentinel.interop.Field.USAGE_INPUT_TOKENS;
import static io.llmsentinel.interop.Field.USAGE_OUTPUT_TOKENS;
import static io.llmsentinel.interop.Field.USAGE_REASONING_OUTPUT_TOKENS;
import static io.llmsentinel.interop.Instrumentation.OPENINFERENCE;
import static io.llmsentinel.interop.Instrumentation.OTEL;
import static io.llmsentinel.interop.Instrumentation.TRACELOOP_22;
import static io.llmsentinel.interop.Instrumentation.TRACELOOP_27;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each library exports for the scenario, read off its captures: the calls it records no span
 * for, the fields it does not emit, and the values it reports that differ from a call's canonical
 * ones. These are facts about the libraries, not about LLM-Sentinel; the expectation for a call is
 * its canonical fields with these applied ({@link Expectations}). What LLM-Sentinel fails to map is
 * in {@link KnownGaps}, not here.
 *
 * <p>The tests hold this table to the captures: a call listed as not exported must have no span and
 * every other call exactly one; a field listed as not emitted must come out absent (so a library
 * upgrade that starts emitting it fails here until the entry goes).
 */
final class LibraryBehaviour {
    private LibraryBehaviour() {}

    /** Calls the library records no LLM span for. */
    record NotExported(Instrumentation instrumentation, String call, String why) {}

    /**
     * A field the libraries do not emit ({@code reported} null) or report with another value than
     * the canonical one, for the scope's calls.
     */
    record Deviation(FieldScope scope, JsonNode reported, String why) {
        Deviation only(String... names) {
            return new Deviation(scope.only(names), reported, why);
        }

        boolean notEmitted() {
            return reported == null;
        }
    }

    private static final Instrumentation[] ALL = Instrumentation.values();

    private static final String FAILED_CALL_NOT_ENDED =
            "a failed call's span is never ended (the promise's rejection is not handled), so it"
                    + " is never exported";

    static final List<NotExported> NOT_EXPORTED =
            Stream.of(
                            notExported(
                                    OTEL,
                                    "the legacy Completions API is not instrumented",
                                    "completions"),
                            notExported(
                                    TRACELOOP_27,
                                    "the Embeddings API is not instrumented",
                                    "embeddings"),
                            notExported(
                                    TRACELOOP_27,
                                    FAILED_CALL_NOT_ENDED,
                                    "rate_limited",
                                    "server_error"),
                            notExported(
                                    TRACELOOP_22,
                                    "the Embeddings and Responses APIs are not instrumented",
                                    "embeddings",
                                    "responses"),
                            notExported(
                                    TRACELOOP_22,
                                    FAILED_CALL_NOT_ENDED,
                                    "rate_limited",
                                    "server_error"),
                            notExported(
                                    OPENINFERENCE,
                                    FAILED_CALL_NOT_ENDED,
                                    "rate_limited",
                                    "server_error"))
                    .flatMap(List::stream)
                    .toList();

    static final List<Deviation> DEVIATIONS =
            List.of(
                    // what several libraries leave out
                    notEmitted(TIME_TO_FIRST_CHUNK_MS, "no time to first chunk", ALL),
                    notEmitted(
                            SERVER_ADDRESS,
                            "no server.address",
                            TRACELOOP_27,
                            TRACELOOP_22,
                            OPENINFERENCE),
                    notEmitted(
                            SERVER_PORT,
                            "no server.port",
                            TRACELOOP_27,
                            TRACELOOP_22,
                            OPENINFERENCE),
                    notEmitted(
                            USAGE_CACHE_READ_INPUT_TOKENS,
                            "cached tokens not read",
                            OTEL,
                            TRACELOOP_27,
                            TRACELOOP_22),
                    notEmitted(
                            USAGE_REASONING_OUTPUT_TOKENS,
                            "reasoning tokens not read",
                            OTEL,
                            TRACELOOP_27,
                            TRACELOOP_22),
                    notEmitted(
                                    USAGE_INPUT_TOKENS,
                                    "no usage on streams, though the request asks for it",
                                    TRACELOOP_27,
                                    TRACELOOP_22,
                                    OPENINFERENCE)
                            .only("chat_stream"),
                    notEmitted(
                                    USAGE_OUTPUT_TOKENS,
                                    "no usage on streams",
                                    TRACELOOP_27,
                                    TRACELOOP_22,
                                    OPENINFERENCE)
                            .only("chat_stream"),

                    // @opentelemetry/instrumentation-openai 0.21
                    notEmitted(PROMPT_TEXT, "the embeddings input is not logged", OTEL)
                            .only("embeddings"),
                    reports(ERROR_TYPE, "RateLimitError", "the SDK's error class name", OTEL)
                            .only("rate_limited"),
                    reports(ERROR_TYPE, "InternalServerError", "the SDK's error class name", OTEL)
                            .only("server_error"),

                    // @traceloop/instrumentation-openai 0.22
                    notEmitted(RESPONSE_ID, "no gen_ai.response.id", TRACELOOP_22),

                    // @arizeai/openinference-instrumentation-openai 4.2
                    notEmitted(
                            RESPONSE_ID,
                            "the response id is only inside the output.value JSON",
                            OPENINFERENCE),
                    notEmitted(USAGE_INPUT_TOKENS, "no token counts for embeddings", OPENINFERENCE)
                            .only("embeddings"),
                    notEmitted(
                                    USAGE_CACHE_READ_INPUT_TOKENS,
                                    "no token details on streams",
                                    OPENINFERENCE)
                            .only("chat_stream"),
                    notEmitted(
                                    USAGE_REASONING_OUTPUT_TOKENS,
                                    "no token details on streams",
                                    OPENINFERENCE)
                            .only("chat_stream"),
                    notEmitted(FINISH_REASONS, "no llm.finish_reason for these APIs", OPENINFERENCE)
                            .only("responses", "completions"),
                    reports(
                                    RESPONSE_MODEL,
                                    "gpt-4.1-nano",
                                    "on streams llm.model_name stays the requested model",
                                    OPENINFERENCE)
                            .only("chat_stream"),
                    reports(
                                    OPERATION_NAME,
                                    "text_completion",
                                    "the legacy completions API: an LLM span whose input is a"
                                            + " text prompt, not messages",
                                    OPENINFERENCE)
                            .only("completions"));

    static Set<String> notExported(Instrumentation i) {
        return NOT_EXPORTED.stream()
                .filter(n -> n.instrumentation() == i)
                .map(NotExported::call)
                .collect(Collectors.toSet());
    }

    static Optional<Deviation> deviation(Instrumentation i, Field field, String call) {
        return DEVIATIONS.stream().filter(d -> d.scope().covers(i, field, call)).findFirst();
    }

    private static List<NotExported> notExported(Instrumentation i, String why, String... calls) {
        return Stream.of(calls).map(c -> new NotExported(i, c, why)).toList();
    }

    private static Deviation notEmitted(Field field, String why, Instrumentation... is) {
        return new Deviation(FieldScope.of(field, is), null, why);
    }

    private static Deviation reports(Field field, Object value, String why, Instrumentation... is) {
        return new Deviation(FieldScope.of(field, is), InteropJson.MAPPER.valueToTree(value), why);
    }
}
