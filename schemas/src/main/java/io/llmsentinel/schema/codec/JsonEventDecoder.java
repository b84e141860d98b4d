package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import java.io.CharConversionException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes our llm-event v1 JSON. Reads a tree rather than binding straight to the POJO so that a
 * bad record yields a precise reason (which field, wrong type or out of range) instead of a generic
 * parse error. Unknown fields are ignored so producers can add fields before we read them.
 */
public final class JsonEventDecoder implements RecordDecoder {
    private final ObjectMapper mapper;
    private final EventValidator validator;
    private final ValidationLimits limits;

    public JsonEventDecoder(ValidationLimits limits) {
        this.limits = limits;
        this.validator = new EventValidator(limits);
        JsonFactory factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(limits.maxJsonDepth())
                                        .maxStringLength(limits.maxRecordBytes())
                                        .build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    @Override
    public DecodeResult decode(byte[] payload, long referenceTime) {
        if (payload.length > limits.maxRecordBytes()) {
            return DecodeResult.rejected(
                    Rejection.of(
                            DlqReason.OVERSIZED_RECORD,
                            null,
                            "record is "
                                    + payload.length
                                    + " bytes, limit "
                                    + limits.maxRecordBytes()));
        }
        JsonNode root;
        try {
            root = readTree(payload);
        } catch (Rejected r) {
            return DecodeResult.rejected(r.rejection);
        }
        if (root == null || root.isMissingNode()) {
            return DecodeResult.rejected(
                    Rejection.of(DlqReason.MALFORMED_JSON, null, "empty record"));
        }
        if (!root.isObject()) {
            return DecodeResult.rejected(
                    Rejection.of(DlqReason.WRONG_TYPE, "$", "record is not a JSON object"));
        }
        LlmEvent event;
        try {
            event = toEvent(root);
        } catch (Rejected r) {
            return DecodeResult.rejected(r.rejection);
        }
        event.sourceFormat = SourceFormat.JSON.wireName();
        Rejection rejection = validator.validate(event, referenceTime);
        return rejection == null ? DecodeResult.accepted(event) : DecodeResult.rejected(rejection);
    }

    private JsonNode readTree(byte[] payload) throws Rejected {
        try (JsonParser parser = mapper.createParser(payload)) {
            JsonNode node = mapper.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                throw new Rejected(
                        DlqReason.MALFORMED_JSON, null, "trailing content after the JSON object");
            }
            return node;
        } catch (CharConversionException e) {
            throw new Rejected(DlqReason.INVALID_UTF8, null, firstLine(e.getMessage()));
        } catch (StreamConstraintsException e) {
            throw new Rejected(DlqReason.MALFORMED_JSON, null, firstLine(e.getMessage()));
        } catch (JsonProcessingException e) {
            String msg = firstLine(e.getOriginalMessage());
            DlqReason reason =
                    msg.startsWith("Invalid UTF-8")
                            ? DlqReason.INVALID_UTF8
                            : DlqReason.MALFORMED_JSON;
            throw new Rejected(reason, null, msg);
        } catch (IOException | RuntimeException e) {
            throw new Rejected(DlqReason.MALFORMED_JSON, null, firstLine(e.toString()));
        }
    }

    private static LlmEvent toEvent(JsonNode n) throws Rejected {
        LlmEvent e = new LlmEvent();
        JsonNode version = n.get("schema_version");
        if (version != null && !version.isNull()) {
            if (!version.isIntegralNumber()) {
                throw wrongType("schema_version", "an integer");
            }
            e.schemaVersion = version.intValue();
        }
        e.eventId = text(n, "event_id");
        e.eventTime = eventTime(n.get("event_time"));
        e.traceId = text(n, "trace_id");
        e.spanId = text(n, "span_id");
        e.serviceName = text(n, "service_name");
        e.deploymentEnvironment = text(n, "deployment_environment");
        e.tenantId = text(n, "tenant_id");
        e.userId = text(n, "user_id");
        e.sessionId = text(n, "session_id");
        e.conversationId = text(n, "conversation_id");
        e.providerName = text(n, "provider_name");
        e.operationName = text(n, "operation_name");
        e.requestModel = text(n, "request_model");
        e.responseModel = text(n, "response_model");
        e.responseId = text(n, "response_id");
        e.serverAddress = text(n, "server_address");
        Long port = integer(n, "server_port");
        e.serverPort = port == null ? null : (int) Math.max(-1, Math.min(port, 1 << 20));
        e.requestMaxTokens = integer(n, "request_max_tokens");
        e.requestTemperature = number(n, "request_temperature");
        e.usageInputTokens = integer(n, "usage_input_tokens");
        e.usageOutputTokens = integer(n, "usage_output_tokens");
        e.usageCacheReadInputTokens = integer(n, "usage_cache_read_input_tokens");
        e.usageCacheCreationInputTokens = integer(n, "usage_cache_creation_input_tokens");
        e.usageReasoningOutputTokens = integer(n, "usage_reasoning_output_tokens");
        e.responseFinishReasons = textList(n, "response_finish_reasons");
        e.status = text(n, "status");
        e.errorType = text(n, "error_type");
        Double latency = number(n, "latency_ms");
        if (latency == null) {
            throw new Rejected(DlqReason.MISSING_FIELD, "latency_ms", "latency_ms is required");
        }
        e.latencyMs = latency;
        e.timeToFirstChunkMs = number(n, "time_to_first_chunk_ms");
        e.costUsd = number(n, "cost_usd");
        e.promptTemplateName = text(n, "prompt_template_name");
        e.promptTemplateVersion = text(n, "prompt_template_version");
        e.promptText = text(n, "prompt_text");
        e.responseText = text(n, "response_text");
        e.retrievedContent = textList(n, "retrieved_content");
        e.embedding = floats(n, "embedding");
        return e;
    }

    private static long eventTime(JsonNode v) throws Rejected {
        if (v == null || v.isNull()) {
            throw new Rejected(DlqReason.MISSING_FIELD, "event_time", "event_time is required");
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw new Rejected(DlqReason.TIMESTAMP_OUT_OF_RANGE, "event_time", "too large");
            }
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Instant.parse(v.textValue()).toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException ex) {
                throw new Rejected(
                        DlqReason.WRONG_TYPE,
                        "event_time",
                        "event_time is neither epoch milliseconds nor an ISO-8601 instant");
            }
        }
        throw wrongType("event_time", "epoch milliseconds or an ISO-8601 instant");
    }

    private static String text(JsonNode n, String field) throws Rejected {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string");
        }
        return v.textValue();
    }

    private static Long integer(JsonNode n, String field) throws Rejected {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
                return checkedLong(v.doubleValue(), field);
            }
            throw wrongType(field, "an integer");
        }
        if (!v.canConvertToLong()) {
            throw new Rejected(DlqReason.OUT_OF_RANGE, field, field + " does not fit in 64 bits");
        }
        return v.longValue();
    }

    private static Long checkedLong(double d, String field) throws Rejected {
        if (Math.abs(d) > 9.0e18) {
            throw new Rejected(DlqReason.OUT_OF_RANGE, field, field + " does not fit in 64 bits");
        }
        return (long) d;
    }

    private static Double number(JsonNode n, String field) throws Rejected {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(field, "a number");
        }
        return v.doubleValue();
    }

    private static List<String> textList(JsonNode n, String field) throws Rejected {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw wrongType(field, "an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw wrongType(field, "an array of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static float[] floats(JsonNode n, String field) throws Rejected {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw wrongType(field, "an array of numbers");
        }
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode item = v.get(i);
            if (!item.isNumber()) {
                throw wrongType(field, "an array of numbers");
            }
            out[i] = item.floatValue();
        }
        return out;
    }

    private static Rejected wrongType(String field, String expected) {
        return new Rejected(DlqReason.WRONG_TYPE, field, field + " must be " + expected);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unparseable record";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    /** Control flow for "this record is rejected"; no stack trace, it is not an error here. */
    private static final class Rejected extends Exception {
        final Rejection rejection;

        Rejected(DlqReason reason, String field, String message) {
            super(message, null, false, false);
            this.rejection = Rejection.of(reason, field, message);
        }
    }
}
