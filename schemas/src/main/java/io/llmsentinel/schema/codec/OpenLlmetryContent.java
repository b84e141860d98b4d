package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmsentinel.schema.codec.ChatContent.Role;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import java.util.Map;

/**
 * The content of older OpenLLMetry spans, flattened into attributes: {@code
 * gen_ai.prompt.N.role}/{@code .content} for the messages sent and {@code
 * gen_ai.completion.N.content}/{@code .finish_reason} for the choices. A prompt's content is a
 * string, or, for multimodal messages, the JSON of its content parts. Tool calls ({@code
 * gen_ai.completion.N.tool_calls.M.*}) are not text and are not read.
 */
final class OpenLlmetryContent {
    static final String PROMPTS = "gen_ai.prompt";
    static final String COMPLETIONS = "gen_ai.completion";

    private final ContentJson json;

    OpenLlmetryContent(ContentJson json) {
        this.json = json;
    }

    void read(List<KeyValue> attributes, ChatContent out) {
        Map<String, FlattenedList> lists = FlattenedList.of(attributes, PROMPTS, COMPLETIONS);
        for (FlattenedList.Item prompt : lists.get(PROMPTS).items()) {
            Role role = Role.of(prompt.text("role"));
            String content = prompt.text("content");
            if (content == null) {
                out.addInput(role); // e.g. an assistant message that only called tools
                continue;
            }
            JsonNode parts = json.parseOrText(content);
            if (isPartList(parts)) {
                MessageJson.readInputMessage(parts, role, out);
            } else {
                out.addInput(role).text(content);
            }
        }
        for (FlattenedList.Item completion : lists.get(COMPLETIONS).items()) {
            // an answer that happens to be JSON is still the answer: never parsed
            out.addOutput(completion.text("content"));
            out.addFinishReason(completion.text("finish_reason"));
        }
    }

    /**
     * Whether a parsed content is a list of typed parts ({@code [{"type": "text", ...}]}), not a
     * user's text that happens to look like JSON.
     */
    private static boolean isPartList(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode part : node) {
            if (!part.isObject() || !part.path("type").isTextual()) {
                return false;
            }
        }
        return true;
    }
}
