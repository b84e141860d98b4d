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
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.util.Base64;

/**
 * Turns content values into JSON trees, whether a convention sends JSON in a string (GenAI
 * messages, OpenInference {@code input.value} and invocation parameters) or as structured attribute
 * values. Never throws on content: a string that is not JSON (or nests deeper than the record
 * limit) comes back as a text node, since detectors are better off scanning raw text than nothing.
 */
final class ContentJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json;

    ContentJson(ValidationLimits limits) {
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
     * The JSON tree of a content value: parsed from a string that looks like JSON, converted from a
     * structured value, else the raw text. Null for bytes and other values that hold no text.
     */
    JsonNode content(AnyValue v) {
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

    /** The parsed tree when {@code s} is JSON, else {@code s} as a text node. */
    JsonNode parseOrText(String s) {
        JsonNode node = parse(s);
        return node != null ? node : TextNode.valueOf(s);
    }

    /** The object {@code s} holds, or null when it is no JSON object (parameters, bodies). */
    ObjectNode parseObject(String s) {
        JsonNode node = s == null ? null : parse(s);
        return node instanceof ObjectNode o ? o : null;
    }

    private JsonNode parse(String s) {
        if (!looksLikeJson(s)) {
            return null;
        }
        try {
            return json.readTree(s);
        } catch (JsonProcessingException | RuntimeException e) {
            return null; // not JSON after all, or too deep
        }
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
}
