package io.llmsentinel.schema.codec;

import static io.llmsentinel.schema.codec.OtlpAttribute.CONVERSATION_ID;
import static io.llmsentinel.schema.codec.OtlpAttribute.DEPLOYMENT_ENVIRONMENT;
import static io.llmsentinel.schema.codec.OtlpAttribute.DEPLOYMENT_ENVIRONMENT_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.ERROR_TYPE;
import static io.llmsentinel.schema.codec.OtlpAttribute.LLM_COST_USD;
import static io.llmsentinel.schema.codec.OtlpAttribute.OPERATION_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.PROMPT_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.PROMPT_VERSION;
import static io.llmsentinel.schema.codec.OtlpAttribute.PROVIDER_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.REQUEST_MAX_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.REQUEST_MODEL;
import static io.llmsentinel.schema.codec.OtlpAttribute.REQUEST_TEMPERATURE;
import static io.llmsentinel.schema.codec.OtlpAttribute.RESPONSE_FINISH_REASONS;
import static io.llmsentinel.schema.codec.OtlpAttribute.RESPONSE_ID;
import static io.llmsentinel.schema.codec.OtlpAttribute.RESPONSE_MODEL;
import static io.llmsentinel.schema.codec.OtlpAttribute.RESPONSE_TIME_TO_FIRST_CHUNK;
import static io.llmsentinel.schema.codec.OtlpAttribute.SERVER_ADDRESS;
import static io.llmsentinel.schema.codec.OtlpAttribute.SERVER_PORT;
import static io.llmsentinel.schema.codec.OtlpAttribute.SERVICE_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.SESSION_ID;
import static io.llmsentinel.schema.codec.OtlpAttribute.SYSTEM;
import static io.llmsentinel.schema.codec.OtlpAttribute.TENANT_ID;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_CACHE_CREATION_INPUT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_CACHE_READ_INPUT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_COMPLETION_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_COST;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_INPUT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_OUTPUT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_PROMPT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USAGE_REASONING_OUTPUT_TOKENS;
import static io.llmsentinel.schema.codec.OtlpAttribute.USER_ID;

import com.google.protobuf.ByteString;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.UUID;

/**
 * Maps one OTLP span following the OpenTelemetry GenAI semantic conventions to an {@link LlmEvent}.
 * Span attributes come first; identity attributes (user, tenant, session) fall back to the
 * resource. The result is not validated: the decoder passes it to {@link EventValidator} so all
 * formats obey the same rules. The attribute table is in schemas/README.md.
 *
 * <p>Nothing from the instrumentation scope is mapped: no field of the event comes from it.
 *
 * <p>Thread-safe and stateless apart from its configuration.
 */
public final class OtlpSpanMapper {
    /** The service name OpenTelemetry SDKs report when none is configured. */
    public static final String UNKNOWN_SERVICE = "unknown_service";

    /** The semantic-convention value of error.type when no better one is known. */
    public static final String OTHER_ERROR = "_OTHER";

    private final GenAiContentExtractor content;

    public OtlpSpanMapper(ValidationLimits limits) {
        this.content = new GenAiContentExtractor(limits);
    }

    /**
     * The resource attributes the mapper reads, extracted once per ResourceSpans since every span
     * under it shares them.
     *
     * @param rejection set when a resource attribute has an unusable type; every GenAI span under
     *     the resource is then rejected with it
     */
    public record ResourceInfo(
            String serviceName,
            String deploymentEnvironment,
            String userId,
            String tenantId,
            String sessionId,
            Rejection rejection) {}

    public ResourceInfo resource(Resource resource) {
        AttributeSlots a = AttributeSlots.of(resource.getAttributesList());
        try {
            String service = a.string(SERVICE_NAME);
            String environment = a.string(DEPLOYMENT_ENVIRONMENT_NAME, DEPLOYMENT_ENVIRONMENT);
            return new ResourceInfo(
                    service == null ? UNKNOWN_SERVICE : service,
                    environment,
                    a.string(USER_ID),
                    a.string(TENANT_ID),
                    a.string(SESSION_ID),
                    null);
        } catch (RejectionException e) {
            return new ResourceInfo(null, null, null, null, null, e.rejection);
        }
    }

    /** Maps a span with its resource; for many spans of one resource use {@link #resource}. */
    public MappedSpan map(Span span, Resource resource) {
        return map(span, resource(resource));
    }

    public MappedSpan map(Span span, ResourceInfo resource) {
        AttributeSlots a = AttributeSlots.of(span.getAttributesList());
        if (!a.has(OPERATION_NAME) && !a.has(PROVIDER_NAME) && !a.has(SYSTEM)) {
            return MappedSpan.NOT_GEN_AI;
        }
        if (resource.rejection() != null) {
            return MappedSpan.rejected(resource.rejection());
        }
        try {
            return MappedSpan.of(toEvent(span, a, resource));
        } catch (RejectionException e) {
            return MappedSpan.rejected(e.rejection);
        }
    }

    private LlmEvent toEvent(Span span, AttributeSlots a, ResourceInfo resource)
            throws RejectionException {
        LlmEvent e = new LlmEvent();
        setIds(span, e);
        // OTLP times are unsigned nanoseconds; a value past 2262 turns negative here and is then
        // rejected by the validator, as is an end before the start.
        e.eventTime = span.getStartTimeUnixNano() / 1_000_000L;
        e.latencyMs = (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1e6;

        e.serviceName = resource.serviceName();
        e.deploymentEnvironment = resource.deploymentEnvironment();
        e.userId = orElse(a.string(USER_ID), resource.userId());
        e.tenantId = orElse(a.string(TENANT_ID), resource.tenantId());
        e.sessionId = orElse(a.string(SESSION_ID), resource.sessionId());
        e.conversationId = a.string(CONVERSATION_ID);

        e.providerName = a.string(PROVIDER_NAME, SYSTEM);
        e.operationName = a.string(OPERATION_NAME);
        e.responseModel = a.string(RESPONSE_MODEL);
        e.requestModel = orElse(a.string(REQUEST_MODEL), e.responseModel);
        e.responseId = a.string(RESPONSE_ID);
        e.serverAddress = a.string(SERVER_ADDRESS);
        e.serverPort = port(a.integer(SERVER_PORT));
        e.requestMaxTokens = a.integer(REQUEST_MAX_TOKENS);
        e.requestTemperature = a.number(REQUEST_TEMPERATURE);

        e.usageInputTokens = a.integer(USAGE_INPUT_TOKENS, USAGE_PROMPT_TOKENS);
        e.usageOutputTokens = a.integer(USAGE_OUTPUT_TOKENS, USAGE_COMPLETION_TOKENS);
        e.usageCacheReadInputTokens = a.integer(USAGE_CACHE_READ_INPUT_TOKENS);
        e.usageCacheCreationInputTokens = a.integer(USAGE_CACHE_CREATION_INPUT_TOKENS);
        e.usageReasoningOutputTokens = a.integer(USAGE_REASONING_OUTPUT_TOKENS);
        e.responseFinishReasons = a.strings(RESPONSE_FINISH_REASONS);

        setStatus(span, a.string(ERROR_TYPE), e);
        Double ttfc = a.number(RESPONSE_TIME_TO_FIRST_CHUNK);
        e.timeToFirstChunkMs = ttfc == null ? null : ttfc * 1000.0;
        e.costUsd = a.number(LLM_COST_USD, USAGE_COST);
        e.promptTemplateName = a.string(PROMPT_NAME);
        e.promptTemplateVersion = a.string(PROMPT_VERSION);

        content.extract(span, a, e);
        return e;
    }

    /**
     * Ids as lower-case hex, and an event id derived from them so that replaying the same spans
     * yields the same ids (downstream dedup relies on it).
     */
    private static void setIds(Span span, LlmEvent e) throws RejectionException {
        e.traceId = hexId(span.getTraceId(), HexIds.TRACE_ID_BYTES, "trace_id");
        e.spanId = hexId(span.getSpanId(), HexIds.SPAN_ID_BYTES, "span_id");
        if (e.traceId != null && e.spanId != null) {
            e.eventId = e.traceId + "-" + e.spanId;
        } else {
            // OTLP requires both ids; for spans without them, a name-based UUID of the span's
            // bytes keeps the id deterministic (protobuf output is stable for the same message).
            e.eventId = "otlp-" + UUID.nameUUIDFromBytes(span.toByteArray());
        }
    }

    private static String hexId(ByteString id, int expectedBytes, String field)
            throws RejectionException {
        if (id.isEmpty()) {
            return null;
        }
        if (id.size() != expectedBytes) {
            throw new RejectionException(
                    DlqReason.MALFORMED_PROTOBUF,
                    field,
                    field + " must be " + expectedBytes + " bytes, got " + id.size());
        }
        return HexIds.toHex(id);
    }

    private static void setStatus(Span span, String errorType, LlmEvent e) {
        boolean statusError =
                span.getStatus().getCodeValue() == Status.StatusCode.STATUS_CODE_ERROR_VALUE;
        if (statusError || errorType != null) {
            e.status = LlmEvent.STATUS_ERROR;
            e.errorType = errorType != null ? errorType : OTHER_ERROR;
        } else {
            e.status = LlmEvent.STATUS_OK;
        }
    }

    private static Integer port(Long port) throws RejectionException {
        if (port == null) {
            return null;
        }
        if (port < Integer.MIN_VALUE || port > Integer.MAX_VALUE) {
            // the validator checks 0..65535; this only keeps the narrowing cast honest
            throw new RejectionException(
                    DlqReason.OUT_OF_RANGE, "server_port", "server.port out of range: " + port);
        }
        return port.intValue();
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
