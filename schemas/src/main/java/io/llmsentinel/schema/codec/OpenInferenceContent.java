package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmsentinel.schema.codec.ChatContent.Message;
import io.llmsentinel.schema.codec.ChatContent.Role;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import java.util.Map;

/**
 * The content of an OpenInference span. Messages come from the flattened {@code
 * llm.input_messages.N.message.*} / {@code llm.output_messages.N.message.*} attributes, with text
 * in {@code message.content} or in {@code message.contents.M.message_content.text}; completions-API
 * calls use {@code llm.prompts.N.prompt.text} / {@code llm.choices.N.completion.text}. Without any
 * of them an LLM span's {@code input.value} / {@code output.value} is read: a request or response
 * body when it is JSON, else the text itself. Tool messages and {@code
 * retrieval.documents.N.document.content} are retrieved content.
 *
 * <p>Embedding spans' inputs (texts being embedded, often documents) are not the user's turn and
 * are not read.
 */
final class OpenInferenceContent {
    static final String INPUT_MESSAGES = "llm.input_messages";
    static final String OUTPUT_MESSAGES = "llm.output_messages";
    static final String PROMPTS = "llm.prompts";
    static final String CHOICES = "llm.choices";
    static final String DOCUMENTS = "retrieval.documents";

    private static final String[] PREFIXES = {
        INPUT_MESSAGES, OUTPUT_MESSAGES, PROMPTS, CHOICES, DOCUMENTS
    };

    private final ContentJson json;

    OpenInferenceContent(ContentJson json) {
        this.json = json;
    }

    /** The flattened lists of a span, read once for both the attribute and the content mapping. */
    static Map<String, FlattenedList> lists(List<KeyValue> attributes) {
        return FlattenedList.of(attributes, PREFIXES);
    }

    ChatContent read(boolean llm, AttributeSlots a, Map<String, FlattenedList> lists) {
        ChatContent out = new ChatContent();
        if (llm) {
            readInput(a, lists, out);
            readOutput(a, lists, out);
        }
        for (FlattenedList.Item d : lists.get(DOCUMENTS).items()) {
            out.addDocument(d.text("document.content"));
        }
        return out;
    }

    private void readInput(AttributeSlots a, Map<String, FlattenedList> lists, ChatContent out) {
        FlattenedList messages = lists.get(INPUT_MESSAGES);
        FlattenedList prompts = lists.get(PROMPTS);
        if (!messages.isEmpty()) {
            for (FlattenedList.Item m : messages.items()) {
                readMessage(m, out.addInput(Role.of(m.text("message.role"))));
            }
        } else if (!prompts.isEmpty()) {
            for (FlattenedList.Item p : prompts.items()) {
                out.addInput(Role.USER).text(p.text("prompt.text"));
            }
        } else {
            String value = AnyValues.textOrNull(a.get(OtlpAttribute.INPUT_VALUE));
            if (value != null) {
                JsonNode body = json.parseOrText(value);
                if (!MessageJson.readRequest(body, out)) {
                    out.addInput(Role.USER).text(value);
                }
            }
        }
    }

    private void readOutput(AttributeSlots a, Map<String, FlattenedList> lists, ChatContent out) {
        FlattenedList messages = lists.get(OUTPUT_MESSAGES);
        FlattenedList choices = lists.get(CHOICES);
        // The response body, when recorded, is also where the finish reason is if the span has no
        // llm.finish_reason; its text is used only when no messages or choices were recorded.
        ChatContent body = new ChatContent();
        String value = AnyValues.textOrNull(a.get(OtlpAttribute.OUTPUT_VALUE));
        boolean bodyKnown =
                value != null && MessageJson.readResponse(json.parseOrText(value), body);
        body.finishReasons().forEach(out::addFinishReason);
        if (!messages.isEmpty()) {
            for (FlattenedList.Item m : messages.items()) {
                Message text = new Message(Role.ASSISTANT);
                readMessage(m, text);
                text.texts.forEach(out::addOutput);
            }
        } else if (!choices.isEmpty()) {
            for (FlattenedList.Item c : choices.items()) {
                out.addOutput(c.text("completion.text"));
            }
        } else if (bodyKnown) {
            body.output().forEach(out::addOutput);
        } else if (value != null) {
            out.addOutput(value);
        }
    }

    /** message.content, else the text items of message.contents (reasoning, images... skipped). */
    private static void readMessage(FlattenedList.Item m, Message into) {
        String content = m.text("message.content");
        if (content != null) {
            into.text(content);
            return;
        }
        for (FlattenedList.Item part : m.list("message.contents").items()) {
            String type = part.text("message_content.type");
            if (type == null || type.equals("text") || type.endsWith("_text")) {
                into.text(part.text("message_content.text"));
            }
        }
    }
}
