package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The request parameters a convention records as one JSON object (OpenInference's {@code
 * llm.invocation_parameters}: the request body without its messages). Only values that are valid
 * are taken: malformed JSON, a temperature of "hot" or a negative limit give null for that value
 * and never reject the call, since they are the producer's own record of the request, not ours.
 */
record InvocationParameters(String model, Long maxTokens, Double temperature) {
    static final InvocationParameters NONE = new InvocationParameters(null, null, null);

    static InvocationParameters parse(String json, ContentJson parser) {
        ObjectNode o = json == null ? null : parser.parseObject(json);
        if (o == null) {
            return NONE;
        }
        String model = text(o, "model");
        return new InvocationParameters(
                model != null ? model : text(o, "model_name"),
                firstCount(
                        o,
                        "max_tokens",
                        "max_completion_tokens",
                        "max_output_tokens",
                        "maxOutputTokens"),
                nonNegative(o.get("temperature")));
    }

    private static String text(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
    }

    private static Long firstCount(ObjectNode o, String... fields) {
        for (String f : fields) {
            JsonNode v = o.get(f);
            if (v != null && v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
                return v.longValue();
            }
        }
        return null;
    }

    private static Double nonNegative(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return null;
        }
        double d = v.doubleValue();
        return Double.isFinite(d) && d >= 0 ? d : null;
    }
}
