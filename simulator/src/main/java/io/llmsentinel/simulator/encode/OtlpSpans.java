package io.llmsentinel.simulator.encode;

import com.google.protobuf.ByteString;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.traffic.Ids;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The spans an instrumented application emits for one LLM call: the GenAI client span (named and
 * attributed per the OpenTelemetry GenAI semantic conventions) under the application's own HTTP
 * server span, sometimes with a database span next to it.
 *
 * <p>The GenAI span's trace and span ids are the event's, so an OTLP decoder rebuilds the same
 * event id ({@code traceIdHex-spanIdHex}). A share of spans use the deprecated attribute names
 * older instrumentations still send ({@code gen_ai.system}, {@code gen_ai.usage.prompt_tokens},
 * {@code gen_ai.usage.completion_tokens}).
 */
final class OtlpSpans {
    static final double DEPRECATED_NAMES_SHARE = 0.1;
    static final double DATABASE_SPAN_SHARE = 0.3;

    private static final HexFormat HEX = HexFormat.of();

    private final SplittableRandom rng;

    OtlpSpans(SplittableRandom rng) {
        this.rng = rng;
    }

    /** The GenAI client span; its parent is the HTTP span of {@link #httpServerSpan}. */
    Span.Builder genAiSpan(LlmEvent e) {
        boolean deprecatedNames = rng.nextDouble() < DEPRECATED_NAMES_SHARE;
        long start = e.eventTime * 1_000_000L;
        long spanId = HexFormat.fromHexDigitsToLong(e.spanId);
        Span.Builder s =
                Span.newBuilder()
                        .setTraceId(traceId(e))
                        .setSpanId(id(spanId))
                        .setParentSpanId(id(httpSpanId(spanId)))
                        .setName(e.operationName + " " + e.requestModel)
                        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                        .setStartTimeUnixNano(start)
                        .setEndTimeUnixNano(start + Math.round(e.latencyMs * 1_000_000));
        OtlpAttributes.put(s, "gen_ai.operation.name", e.operationName);
        OtlpAttributes.put(
                s, deprecatedNames ? "gen_ai.system" : "gen_ai.provider.name", e.providerName);
        OtlpAttributes.put(s, "gen_ai.request.model", e.requestModel);
        OtlpAttributes.put(s, "gen_ai.request.max_tokens", e.requestMaxTokens);
        OtlpAttributes.put(s, "gen_ai.request.temperature", e.requestTemperature);
        OtlpAttributes.put(s, "server.address", e.serverAddress);
        OtlpAttributes.put(s, "server.port", e.serverPort);
        OtlpAttributes.put(s, "gen_ai.response.model", e.responseModel);
        OtlpAttributes.put(s, "gen_ai.response.id", e.responseId);
        OtlpAttributes.put(s, "gen_ai.response.finish_reasons", e.responseFinishReasons);
        OtlpAttributes.put(
                s,
                deprecatedNames ? "gen_ai.usage.prompt_tokens" : "gen_ai.usage.input_tokens",
                e.usageInputTokens);
        OtlpAttributes.put(
                s,
                deprecatedNames ? "gen_ai.usage.completion_tokens" : "gen_ai.usage.output_tokens",
                e.usageOutputTokens);
        OtlpAttributes.put(s, "gen_ai.usage.cache_read.input_tokens", e.usageCacheReadInputTokens);
        OtlpAttributes.put(
                s, "gen_ai.usage.cache_creation.input_tokens", e.usageCacheCreationInputTokens);
        OtlpAttributes.put(s, "gen_ai.usage.reasoning.output_tokens", e.usageReasoningOutputTokens);
        if (e.timeToFirstChunkMs != null) {
            OtlpAttributes.put(
                    s, "gen_ai.response.time_to_first_chunk", e.timeToFirstChunkMs / 1000.0);
        }
        OtlpAttributes.put(s, "error.type", e.errorType);
        OtlpAttributes.put(s, "gen_ai.conversation.id", e.conversationId);
        OtlpAttributes.put(s, "session.id", e.sessionId);
        OtlpAttributes.put(s, "user.id", e.userId);
        OtlpAttributes.put(s, "tenant.id", e.tenantId);
        OtlpAttributes.put(s, "gen_ai.prompt.name", e.promptTemplateName);
        OtlpAttributes.put(s, "gen_ai.prompt.version", e.promptTemplateVersion);
        OtlpAttributes.put(s, "llm.cost_usd", e.costUsd);
        if (e.promptText != null) {
            OtlpAttributes.put(s, "gen_ai.input.messages", GenAiMessages.input(e.promptText));
        }
        if (e.responseText != null) {
            String finish =
                    e.responseFinishReasons == null || e.responseFinishReasons.isEmpty()
                            ? null
                            : e.responseFinishReasons.get(0);
            OtlpAttributes.put(
                    s, "gen_ai.output.messages", GenAiMessages.output(e.responseText, finish));
        }
        if (e.retrievedContent != null) {
            OtlpAttributes.put(
                    s, "gen_ai.retrieval.documents", GenAiMessages.documents(e.retrievedContent));
        }
        if (e.isError()) {
            s.setStatus(
                    Status.newBuilder()
                            .setCode(Status.StatusCode.STATUS_CODE_ERROR)
                            .setMessage(e.errorType));
        }
        return s;
    }

    /** The application's request handler that made the call. */
    Span httpServerSpan(LlmEvent e, String route) {
        long spanId = HexFormat.fromHexDigitsToLong(e.spanId);
        long callStart = e.eventTime * 1_000_000L;
        long callEnd = callStart + Math.round(e.latencyMs * 1_000_000);
        int status = httpStatus(e);
        Span.Builder s =
                Span.newBuilder()
                        .setTraceId(traceId(e))
                        .setSpanId(id(httpSpanId(spanId)))
                        .setName("POST " + route)
                        .setKind(Span.SpanKind.SPAN_KIND_SERVER)
                        .setStartTimeUnixNano(callStart - (1 + rng.nextInt(15)) * 1_000_000L)
                        .setEndTimeUnixNano(callEnd + (1 + rng.nextInt(10)) * 1_000_000L);
        OtlpAttributes.put(s, "http.request.method", "POST");
        OtlpAttributes.put(s, "http.route", route);
        OtlpAttributes.put(s, "url.path", route);
        OtlpAttributes.put(s, "url.scheme", "https");
        OtlpAttributes.put(s, "http.response.status_code", (long) status);
        if (status >= 500) {
            s.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR));
        }
        return s.build();
    }

    /** A database read the handler did before calling the model; null for most calls. */
    Span databaseSpan(LlmEvent e) {
        if (rng.nextDouble() >= DATABASE_SPAN_SHARE) {
            return null;
        }
        long spanId = HexFormat.fromHexDigitsToLong(e.spanId);
        long end = e.eventTime * 1_000_000L - 200_000L;
        Span.Builder s =
                Span.newBuilder()
                        .setTraceId(traceId(e))
                        .setSpanId(id(nonZero(Ids.mix(spanId ^ 0x4442L))))
                        .setParentSpanId(id(httpSpanId(spanId)))
                        .setName("SELECT app.conversations")
                        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                        .setStartTimeUnixNano(end - (1 + rng.nextInt(8)) * 1_000_000L)
                        .setEndTimeUnixNano(end);
        OtlpAttributes.put(s, "db.system.name", "postgresql");
        OtlpAttributes.put(s, "db.operation.name", "SELECT");
        OtlpAttributes.put(s, "db.collection.name", "conversations");
        OtlpAttributes.put(s, "server.address", "db.internal");
        return s.build();
    }

    private static int httpStatus(LlmEvent e) {
        if (!e.isError()) {
            return 200;
        }
        return switch (e.errorType) {
            case "rate_limit_exceeded" -> 429;
            case "timeout" -> 504;
            case "context_length_exceeded", "invalid_request_error" -> 400;
            default -> 502;
        };
    }

    private static ByteString traceId(LlmEvent e) {
        return ByteString.copyFrom(HEX.parseHex(e.traceId));
    }

    private static long httpSpanId(long genAiSpanId) {
        return nonZero(Ids.mix(genAiSpanId ^ 0x48545450L));
    }

    private static long nonZero(long id) {
        return id == 0 ? 1 : id;
    }

    static ByteString id(long spanId) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) spanId;
            spanId >>>= 8;
        }
        return ByteString.copyFrom(b);
    }
}
