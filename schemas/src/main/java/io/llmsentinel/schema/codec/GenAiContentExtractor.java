package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmsentinel.schema.codec.ChatContent.Role;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the content of a span in the OpenTelemetry GenAI conventions into a {@link ChatContent}:
 * {@code gen_ai.input.messages}, {@code gen_ai.output.messages}, {@code gen_ai.system_instructions}
 * and {@code gen_ai.retrieval.documents}, each either a JSON string or a structured value. Older
 * instrumentations put content in span events ({@code gen_ai.user.message}, {@code
 * gen_ai.choice}...), read only when the attributes are absent; the same event names arrive as OTLP
 * log records, which is why {@link #readEvent} takes an attribute lookup rather than a span event.
 *
 * <p>Content is telemetry, not contract: an attribute of a type that cannot hold content (bytes)
 * rejects the span, as every wrongly typed attribute does, but text that is not JSON is kept raw.
 */
final class GenAiContentExtractor {
    private final ContentJson json;

    GenAiContentExtractor(ContentJson json) {
        this.json = json;
    }

    /** What the span's attributes and events say about the conversation. */
    ChatContent extract(Span span, AttributeSlots a) throws RejectionException {
        ChatContent out = new ChatContent();
        JsonNode input = attributeContent(a, OtlpAttribute.INPUT_MESSAGES);
        JsonNode output = attributeContent(a, OtlpAttribute.OUTPUT_MESSAGES);
        JsonNode system = attributeContent(a, OtlpAttribute.SYSTEM_INSTRUCTIONS);
        if (system != null) {
            MessageJson.readSystemInstructions(system, out);
        }
        if (input != null) {
            MessageJson.readInput(input, out);
        }
        if (output != null) {
            MessageJson.readOutput(output, out);
        }
        if ((input == null || output == null) && span.getEventsCount() > 0) {
            for (Span.Event event : span.getEventsList()) {
                readEvent(
                        event.getName(),
                        key -> eventAttribute(event.getAttributesList(), key),
                        out,
                        input == null,
                        output == null);
            }
        }
        JsonNode documents = attributeContent(a, OtlpAttribute.RETRIEVAL_DOCUMENTS);
        if (documents != null) {
            readDocuments(documents, out);
        }
        return out;
    }

    /** Whether the span carries the current content attributes (then older forms are not read). */
    static boolean hasContentAttributes(AttributeSlots a) {
        return a.has(OtlpAttribute.INPUT_MESSAGES) || a.has(OtlpAttribute.OUTPUT_MESSAGES);
    }

    private JsonNode attributeContent(AttributeSlots a, OtlpAttribute attribute)
            throws RejectionException {
        AnyValue v = a.get(attribute);
        if (v == null || v.getValueCase() == AnyValue.ValueCase.VALUE_NOT_SET) {
            return null;
        }
        JsonNode node = json.content(v);
        if (node == null) {
            throw RejectionException.wrongType(
                    attribute.key, "a JSON string or a structured value", AnyValues.describe(v));
        }
        return node;
    }

    /**
     * One content event of the conventions before gen_ai.input/output.messages:
     * gen_ai.{system,user,assistant,tool}.message and gen_ai.choice with a {@code content} or
     * {@code message} attribute, and the even older gen_ai.content.prompt/completion with
     * gen_ai.prompt/gen_ai.completion. Best effort: values of unexpected types are ignored.
     */
    static void readEvent(
            String name,
            Function<String, JsonNode> attribute,
            ChatContent out,
            boolean wantInput,
            boolean wantOutput) {
        switch (name) {
            case "gen_ai.system.message" -> {
                if (wantInput) {
                    inputMessage(Role.SYSTEM, attribute.apply("content"), out);
                }
            }
            case "gen_ai.user.message" -> {
                if (wantInput) {
                    inputMessage(Role.USER, attribute.apply("content"), out);
                }
            }
            case "gen_ai.assistant.message" -> {
                if (wantInput) {
                    inputMessage(Role.ASSISTANT, attribute.apply("content"), out);
                }
            }
            case "gen_ai.tool.message" -> {
                if (wantInput) {
                    JsonNode c = attribute.apply("content");
                    if (c != null) {
                        out.addInput(Role.TOOL).text(c.isTextual() ? c.textValue() : c.toString());
                    }
                }
            }
            case "gen_ai.content.prompt" -> {
                JsonNode prompt = wantInput ? attribute.apply("gen_ai.prompt") : null;
                if (prompt != null) {
                    MessageJson.readInput(prompt, out);
                }
            }
            case "gen_ai.choice" -> {
                if (wantOutput) {
                    JsonNode message = attribute.apply("message");
                    JsonNode content = message != null ? message : attribute.apply("content");
                    if (content != null) {
                        MessageJson.readOutput(content, out);
                    }
                    JsonNode finish = attribute.apply("finish_reason");
                    out.addFinishReason(
                            finish != null && finish.isTextual() ? finish.textValue() : null);
                }
            }
            case "gen_ai.content.completion" -> {
                JsonNode completion = wantOutput ? attribute.apply("gen_ai.completion") : null;
                if (completion != null) {
                    MessageJson.readOutput(completion, out);
                }
            }
            default -> {
                // not a content event
            }
        }
    }

    /** The event's content in whichever shape: plain text, parts, or a role/content message. */
    private static void inputMessage(Role role, JsonNode content, ChatContent out) {
        if (content != null) {
            MessageJson.readInputMessage(content, role, out);
        }
    }

    private JsonNode eventAttribute(List<KeyValue> attributes, String key) {
        for (int i = 0, n = attributes.size(); i < n; i++) {
            KeyValue kv = attributes.get(i);
            if (kv.getKey().equals(key)) {
                return json.content(kv.getValue());
            }
        }
        return null;
    }

    /**
     * gen_ai.retrieval.documents: the convention requires only id and score; we take the text of
     * documents that carry it in {@code content} (or {@code text}), and plain strings.
     */
    private static void readDocuments(JsonNode documents, ChatContent out) {
        if (documents.isArray()) {
            for (JsonNode d : documents) {
                readDocument(d, out);
            }
        } else {
            readDocument(documents, out);
        }
    }

    private static void readDocument(JsonNode d, ChatContent out) {
        JsonNode text = d;
        if (d.isObject()) {
            text = d.get("content");
            if (text == null || !text.isTextual()) {
                text = d.get("text");
            }
        }
        if (text != null && text.isTextual()) {
            out.addDocument(text.textValue());
        }
    }
}
