package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.llmsentinel.schema.LlmEvent;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Pulls prompt, response and retrieved text out of a GenAI span. The current conventions put the
 * chat history in {@code gen_ai.input.messages} / {@code gen_ai.output.messages}, either as a JSON
 * string or as structured attribute values; both are read through one JSON-tree path. Older
 * instrumentations put content in span events, read only when the attributes are absent.
 *
 * <p>Content is telemetry, not contract: nothing here rejects a span for unparseable content. A
 * value that is not JSON is kept as the raw text, since detectors (PII, injection) are better off
 * scanning raw text than nothing.
 */
final class GenAiContentExtractor {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json;

    GenAiContentExtractor(ValidationLimits limits) {
        // Content JSON comes from the producer, so it gets the same depth limit as a record.
        JsonFactory factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(limits.maxJsonDepth())
                                        .build())
                        .build();
        this.json = JsonMapper.builder(factory).build();
    }

    /**
     * Sets prompt_text, response_text and retrieved_content; sets response_finish_reasons from the
     * output messages when the event has none yet.
     */
    void extract(Span span, AttributeSlots a, LlmEvent e) throws RejectionException {
        Text prompt = new Text();
        Text response = new Text();
        List<String> retrieved = new ArrayList<>(0);
        List<String> finishReasons = e.responseFinishReasons == null ? new ArrayList<>(0) : null;

        JsonNode input = attributeContent(a, OtlpAttribute.INPUT_MESSAGES);
        JsonNode output = attributeContent(a, OtlpAttribute.OUTPUT_MESSAGES);
        if (input != null) {
            appendMessages(input, prompt, retrieved, null);
        }
        if (output != null) {
            appendMessages(output, response, null, finishReasons);
        }
        if ((input == null || output == null) && span.getEventsCount() > 0) {
            readLegacyEvents(span, input == null, output == null, prompt, response, retrieved);
        }
        JsonNode documents = attributeContent(a, OtlpAttribute.RETRIEVAL_DOCUMENTS);
        if (documents != null) {
            appendDocuments(documents, retrieved);
        }

        e.promptText = prompt.result();
        e.responseText = response.result();
        e.retrievedContent = retrieved.isEmpty() ? null : retrieved;
        if (finishReasons != null && !finishReasons.isEmpty()) {
            e.responseFinishReasons = finishReasons;
        }
    }

    private JsonNode attributeContent(AttributeSlots a, OtlpAttribute attribute)
            throws RejectionException {
        AnyValue v = a.get(attribute);
        if (v == null || v.getValueCase() == AnyValue.ValueCase.VALUE_NOT_SET) {
            return null;
        }
        JsonNode node = content(v);
        if (node == null) {
            throw RejectionException.wrongType(
                    attribute.key, "a JSON string or a structured value", AnyValues.describe(v));
        }
        return node;
    }

    /**
     * The JSON tree of a content value: parsed from a string that looks like JSON, converted from a
     * structured value, else the raw text. Null for bytes and other values that hold no text.
     */
    private JsonNode content(AnyValue v) {
        switch (v.getValueCase()) {
            case STRING_VALUE:
                return parseOrText(v.getStringValue());
            case ARRAY_VALUE:
            case KVLIST_VALUE:
                return toJson(v);
            case INT_VALUE:
            case DOUBLE_VALUE:
            case BOOL_VALUE:
                return TextNode.valueOf(toJson(v).asText());
            default:
                return null;
        }
    }

    private JsonNode parseOrText(String s) {
        if (looksLikeJson(s)) {
            try {
                JsonNode node = json.readTree(s);
                if (node != null) {
                    return node;
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // not JSON after all (or too deep): keep the raw text below
            }
        }
        return TextNode.valueOf(s);
    }

    /** Cheap pre-check so that plain-text content is never handed to the parser. */
    private static boolean looksLikeJson(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '{') {
                return true;
            }
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return false;
    }

    /** A structured attribute value as a JSON tree (kvlist -> object, array -> array). */
    static JsonNode toJson(AnyValue v) {
        switch (v.getValueCase()) {
            case STRING_VALUE:
                return TextNode.valueOf(v.getStringValue());
            case INT_VALUE:
                return NODES.numberNode(v.getIntValue());
            case DOUBLE_VALUE:
                return NODES.numberNode(v.getDoubleValue());
            case BOOL_VALUE:
                return NODES.booleanNode(v.getBoolValue());
            case BYTES_VALUE:
                return TextNode.valueOf(
                        Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
            case ARRAY_VALUE:
                ArrayNode array = NODES.arrayNode(v.getArrayValue().getValuesCount());
                for (AnyValue item : v.getArrayValue().getValuesList()) {
                    array.add(toJson(item));
                }
                return array;
            case KVLIST_VALUE:
                ObjectNode object = NODES.objectNode();
                KeyValueList list = v.getKvlistValue();
                for (KeyValue kv : list.getValuesList()) {
                    object.set(kv.getKey(), toJson(kv.getValue()));
                }
                return object;
            default:
                return NODES.nullNode();
        }
    }

    /**
     * Appends the text of a message list (or a single message). Tool results found in the input go
     * to {@code toolResults}: they are content the model read, like retrieved documents, and that
     * is where indirect-injection detectors look.
     */
    private static void appendMessages(
            JsonNode messages, Text out, List<String> toolResults, List<String> finishReasons) {
        if (messages.isArray()) {
            for (JsonNode m : messages) {
                appendMessage(m, out, toolResults, finishReasons);
            }
        } else {
            appendMessage(messages, out, toolResults, finishReasons);
        }
    }

    private static void appendMessage(
            JsonNode m, Text out, List<String> toolResults, List<String> finishReasons) {
        if (m.isTextual()) {
            out.add(m.textValue());
            return;
        }
        if (!m.isObject()) {
            return;
        }
        JsonNode finish = m.get("finish_reason");
        if (finishReasons != null && finish != null && finish.isTextual()) {
            finishReasons.add(finish.textValue());
        }
        JsonNode parts = m.get("parts");
        if (parts != null && parts.isArray()) {
            for (JsonNode part : parts) {
                appendPart(part, out, toolResults);
            }
        }
        // The pre-"parts" shape most SDKs still log: {"role": "user", "content": "..."}
        JsonNode content = m.get("content");
        if (content != null && content.isTextual()) {
            if (toolResults != null && "tool".equals(m.path("role").asText())) {
                toolResults.add(content.textValue());
            } else {
                out.add(content.textValue());
            }
        } else if (content != null && content.isArray()) {
            for (JsonNode part : content) {
                appendPart(part, out, toolResults);
            }
        }
    }

    private static void appendPart(JsonNode part, Text out, List<String> toolResults) {
        if (part.isTextual()) {
            out.add(part.textValue());
            return;
        }
        if (!part.isObject()) {
            return;
        }
        String type = part.path("type").asText("");
        if (type.equals("text") || type.isEmpty()) {
            JsonNode text = part.get("content");
            if (text == null || !text.isTextual()) {
                text = part.get("text"); // OpenAI-style {"type": "text", "text": "..."}
            }
            if (text != null && text.isTextual()) {
                out.add(text.textValue());
            }
        } else if (type.equals("tool_call_response") && toolResults != null) {
            JsonNode response = part.get("response");
            if (response != null && !response.isNull()) {
                toolResults.add(response.isTextual() ? response.textValue() : response.toString());
            }
        }
        // tool_call, reasoning, blob, file, uri: not text the detectors read
    }

    /**
     * gen_ai.retrieval.documents: the convention requires only id and score; we take the text of
     * documents that carry it in {@code content} (or {@code text}), and plain strings.
     */
    private static void appendDocuments(JsonNode documents, List<String> out) {
        if (documents.isArray()) {
            for (JsonNode d : documents) {
                appendDocument(d, out);
            }
        } else {
            appendDocument(documents, out);
        }
    }

    private static void appendDocument(JsonNode d, List<String> out) {
        JsonNode text = d;
        if (d.isObject()) {
            text = d.get("content");
            if (text == null || !text.isTextual()) {
                text = d.get("text");
            }
        }
        if (text != null && text.isTextual() && !text.textValue().isEmpty()) {
            out.add(text.textValue());
        }
    }

    /**
     * Content as span events, from semantic conventions before gen_ai.input/output.messages:
     * gen_ai.{user,assistant}.message and gen_ai.choice with a {@code content} or {@code message}
     * attribute, gen_ai.tool.message (a tool result), and the even older
     * gen_ai.content.prompt/completion with gen_ai.prompt/gen_ai.completion. System messages are
     * skipped like gen_ai.system_instructions. Best effort: values of unexpected types are ignored.
     */
    private void readLegacyEvents(
            Span span,
            boolean wantInput,
            boolean wantOutput,
            Text prompt,
            Text response,
            List<String> retrieved) {
        for (Span.Event event : span.getEventsList()) {
            switch (event.getName()) {
                case "gen_ai.user.message":
                case "gen_ai.assistant.message":
                    if (wantInput) {
                        appendEventContent(event, "content", prompt, null);
                    }
                    break;
                case "gen_ai.tool.message":
                    if (wantInput) {
                        JsonNode c = eventAttribute(event, "content");
                        if (c != null) {
                            appendDocument(
                                    c.isTextual() ? c : TextNode.valueOf(c.toString()), retrieved);
                        }
                    }
                    break;
                case "gen_ai.content.prompt":
                    if (wantInput) {
                        appendEventContent(event, "gen_ai.prompt", prompt, retrieved);
                    }
                    break;
                case "gen_ai.choice":
                    if (wantOutput) {
                        JsonNode message = eventAttribute(event, "message");
                        if (message != null) {
                            appendMessage(message, response, null, null);
                        } else {
                            appendEventContent(event, "content", response, null);
                        }
                    }
                    break;
                case "gen_ai.content.completion":
                    if (wantOutput) {
                        appendEventContent(event, "gen_ai.completion", response, null);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private void appendEventContent(
            Span.Event event, String key, Text out, List<String> toolResults) {
        JsonNode c = eventAttribute(event, key);
        if (c != null) {
            appendMessages(c, out, toolResults, null);
        }
    }

    private JsonNode eventAttribute(Span.Event event, String key) {
        for (int i = 0, n = event.getAttributesCount(); i < n; i++) {
            KeyValue kv = event.getAttributes(i);
            if (kv.getKey().equals(key)) {
                return content(kv.getValue());
            }
        }
        return null;
    }

    /** Joins text pieces with newlines; allocates nothing for spans without content. */
    private static final class Text {
        private StringBuilder sb;

        void add(String s) {
            if (s == null || s.isEmpty()) {
                return;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16);
            } else {
                sb.append('\n');
            }
            sb.append(s);
        }

        String result() {
            return sb == null ? null : sb.toString();
        }
    }
}
