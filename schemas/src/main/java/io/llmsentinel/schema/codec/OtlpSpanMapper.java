package io.llmsentinel.schema.codec;

import static io.llmsentinel.schema.codec.OtlpAttribute.DEPLOYMENT_ENVIRONMENT;
import static io.llmsentinel.schema.codec.OtlpAttribute.DEPLOYMENT_ENVIRONMENT_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.SERVICE_NAME;
import static io.llmsentinel.schema.codec.OtlpAttribute.SESSION_ID;
import static io.llmsentinel.schema.codec.OtlpAttribute.TENANT_ID;
import static io.llmsentinel.schema.codec.OtlpAttribute.USER_ID;

import com.google.protobuf.ByteString;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.normalize.EventNormalizer;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maps one OTLP span to an {@link LlmEvent}, whichever convention the span follows (recognised per
 * span, see {@link SpanConvention}): the parts every convention shares (ids, times, resource,
 * identity, outcome) here, the convention's attributes and its content in their own classes, and
 * the same normalisation and content rules ({@link ContentAssembler}) for all. Identity attributes
 * (user, tenant, session) fall back to the resource. The result is not validated: the decoder
 * passes it to {@link EventValidator} so all formats obey the same rules. The attribute tables are
 * in schemas/README.md.
 *
 * <p>Nothing from the instrumentation scope is mapped: no field of the event comes from it.
 *
 * <p>Thread-safe and stateless apart from its configuration.
 */
public final class OtlpSpanMapper {
    /** The service name OpenTelemetry SDKs report when none is configured. */
    public static final String UNKNOWN_SERVICE = "unknown_service";

    /** The semantic-convention value of error.type when no better one is known. */
    public static final String OTHER_ERROR = SpanOutcome.OTHER_ERROR;

    private final ContentOptions options;
    private final ContentJson json;
    private final GenAiContentExtractor genAiContent;
    private final OpenLlmetryContent openLlmetryContent;
    private final OpenInferenceContent openInferenceContent;

    public OtlpSpanMapper(ValidationLimits limits) {
        this(limits, ContentOptions.DEFAULTS);
    }

    public OtlpSpanMapper(ValidationLimits limits, ContentOptions options) {
        this.options = options;
        this.json = new ContentJson(limits);
        this.genAiContent = new GenAiContentExtractor(json);
        this.openLlmetryContent = new OpenLlmetryContent(json);
        this.openInferenceContent = new OpenInferenceContent(json);
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
        List<io.opentelemetry.proto.common.v1.KeyValue> attributes = span.getAttributesList();
        AttributeSlots a = AttributeSlots.of(attributes);
        SpanConvention convention = SpanConvention.of(a, attributes);
        if (convention == null) {
            return MappedSpan.NOT_GEN_AI;
        }
        String kind = null;
        if (convention == SpanConvention.OPENINFERENCE) {
            kind = AnyValues.textOrNull(a.get(OtlpAttribute.OPENINFERENCE_SPAN_KIND));
            if (!OpenInferenceAttributes.LLM.equals(kind)
                    && !OpenInferenceAttributes.EMBEDDING.equals(kind)) {
                return MappedSpan.skipped(SkipReason.openInference(kind));
            }
        }
        if (resource.rejection() != null) {
            return MappedSpan.rejected(resource.rejection(), convention);
        }
        try {
            LlmEvent e = toEvent(span, a, convention, kind, resource);
            if (isModelLessAgentSpan(e)) {
                return MappedSpan.skipped(SkipReason.GEN_AI_AGENT_OR_TOOL);
            }
            return MappedSpan.of(e, convention);
        } catch (RejectionException e) {
            return MappedSpan.rejected(e.rejection, convention);
        }
    }

    private LlmEvent toEvent(
            Span span,
            AttributeSlots a,
            SpanConvention convention,
            String kind,
            ResourceInfo resource)
            throws RejectionException {
        LlmEvent e = new LlmEvent();
        setIds(span, e);
        // OTLP times are unsigned nanoseconds; a value past 2262 turns negative here and is then
        // rejected by the validator, as is an end before the start.
        e.eventTime = span.getStartTimeUnixNano() / 1_000_000L;
        e.latencyMs = (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1e6;
        e.serviceName = resource.serviceName();
        e.deploymentEnvironment = resource.deploymentEnvironment();
        e.userId = a.string(USER_ID);
        e.tenantId = a.string(TENANT_ID);
        e.sessionId = a.string(SESSION_ID);
        SpanOutcome.apply(span, a, e);

        ChatContent content;
        switch (convention) {
            case OPENINFERENCE -> {
                Map<String, FlattenedList> lists =
                        OpenInferenceContent.lists(span.getAttributesList());
                OpenInferenceAttributes.InputShape shape =
                        OpenInferenceAttributes.InputShape.of(
                                !lists.get(OpenInferenceContent.INPUT_MESSAGES).isEmpty(),
                                !lists.get(OpenInferenceContent.PROMPTS).isEmpty(),
                                a);
                OpenInferenceAttributes.map(kind, shape, a, json, e);
                content =
                        openInferenceContent.read(
                                OpenInferenceAttributes.LLM.equals(kind), a, lists);
            }
            case OPENLLMETRY -> {
                GenAiAttributes.map(a, e);
                OpenLlmetryAttributes.map(a, e);
                content = genAiContent.extract(span, a);
                if (!GenAiContentExtractor.hasContentAttributes(a)) {
                    openLlmetryContent.read(span.getAttributesList(), content);
                }
            }
            default -> {
                GenAiAttributes.map(a, e);
                content = genAiContent.extract(span, a);
            }
        }
        e.userId = GenAiAttributes.orElse(e.userId, resource.userId());
        e.tenantId = GenAiAttributes.orElse(e.tenantId, resource.tenantId());
        e.sessionId = GenAiAttributes.orElse(e.sessionId, resource.sessionId());
        ContentAssembler.apply(content, e, options);
        EventNormalizer.normalize(e);
        return e;
    }

    /**
     * Agent and tool spans (execute_tool, invoke_agent, create_agent) carry gen_ai.* attributes but
     * are not model calls; without a model they would all be dead-lettered as MISSING_FIELD.
     */
    private static boolean isModelLessAgentSpan(LlmEvent e) {
        if (e.requestModel != null || e.operationName == null) {
            return false;
        }
        return switch (e.operationName) {
            case "execute_tool", "invoke_agent", "create_agent" -> true;
            default -> false;
        };
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
}
