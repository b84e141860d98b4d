package io.llmsentinel.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmsentinel.interop.Capture.CapturedLog;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The message texts a library sent as OTLP log records for one span: the GenAI event records
 * (gen_ai.user.message, gen_ai.choice, gen_ai.tool.message, ...) and the newer
 * gen_ai.client.inference.operation.details record with gen_ai.input/output.messages. Ingest does
 * not read logs yet (issue 10 item 5); this reads just enough to check that the content the events
 * lack is in the capture, with the values the events should get.
 */
record LogContent(List<String> userTexts, List<String> responseTexts, List<String> toolTexts) {

    static LogContent of(List<CapturedLog> logs) {
        List<String> user = new ArrayList<>();
        List<String> response = new ArrayList<>();
        List<String> tool = new ArrayList<>();
        for (CapturedLog log : logs) {
            JsonNode body = json(log.record().getBody());
            switch (log.eventName()) {
                case "gen_ai.user.message" -> addText(body.path("content"), user);
                case "gen_ai.tool.message" -> addText(body.path("content"), tool);
                case "gen_ai.choice" -> addText(body.path("message").path("content"), response);
                case "gen_ai.client.inference.operation.details" -> {
                    messages(log.attribute("gen_ai.input.messages"), "user", user);
                    messages(log.attribute("gen_ai.input.messages"), "tool", tool);
                    messages(log.attribute("gen_ai.output.messages"), "assistant", response);
                }
                default -> {
                    // system and assistant history messages: not the call's prompt or answer
                }
            }
        }
        return new LogContent(List.copyOf(user), List.copyOf(response), List.copyOf(tool));
    }

    /** The last user turn, as prompt_text is meant to hold it (issue 10 item 4). */
    String lastUserText() {
        return userTexts.isEmpty() ? null : userTexts.get(userTexts.size() - 1);
    }

    String responseText() {
        return responseTexts.isEmpty() ? null : String.join("\n", responseTexts);
    }

    private static void messages(AnyValue value, String role, List<String> out) {
        if (value == null) {
            return;
        }
        for (JsonNode m : json(value)) {
            if (!role.equals(m.path("role").asText())) {
                continue;
            }
            for (JsonNode part : m.path("parts")) {
                if ("text".equals(part.path("type").asText())) {
                    addText(part.path("content"), out);
                } else if ("tool_call_response".equals(part.path("type").asText())) {
                    addText(part.path("response"), out);
                }
            }
        }
    }

    private static void addText(JsonNode text, List<String> out) {
        if (text.isTextual() && !text.asText().isEmpty()) {
            out.add(text.asText());
        }
    }

    /** An OTLP AnyValue as JSON: kvlist as object, array as array. */
    static JsonNode json(AnyValue v) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (v.getValueCase()) {
            case STRING_VALUE -> nodes.textNode(v.getStringValue());
            case INT_VALUE -> nodes.numberNode(v.getIntValue());
            case DOUBLE_VALUE -> nodes.numberNode(v.getDoubleValue());
            case BOOL_VALUE -> nodes.booleanNode(v.getBoolValue());
            case ARRAY_VALUE -> {
                ArrayNode array = nodes.arrayNode();
                v.getArrayValue().getValuesList().forEach(item -> array.add(json(item)));
                yield array;
            }
            case KVLIST_VALUE -> {
                ObjectNode object = nodes.objectNode();
                for (KeyValue kv : v.getKvlistValue().getValuesList()) {
                    object.set(kv.getKey(), json(kv.getValue()));
                }
                yield object;
            }
            default -> nodes.missingNode();
        };
    }
}
