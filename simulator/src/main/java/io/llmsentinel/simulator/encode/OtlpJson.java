package io.llmsentinel.simulator.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.llmsentinel.schema.Codecs;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * OTLP/JSON as the OTLP specification defines it, which differs from protobuf's canonical JSON
 * mapping in one way that matters: trace and span ids are hex strings, not base64. {@link
 * JsonFormat} prints base64 (its mapping for {@code bytes}), so the id fields are rewritten after
 * printing. Enums are printed as numbers, as OTLP/JSON requires.
 *
 * <p>This is the reference conversion; the encoder itself uses the faster {@link OtlpJsonWriter},
 * which produces the same JSON.
 */
public final class OtlpJson {
    private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId");
    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().omittingInsignificantWhitespace().printingEnumsAsInts();
    private static final HexFormat HEX = HexFormat.of();

    private OtlpJson() {}

    public static byte[] toBytes(ExportTraceServiceRequest request) {
        try {
            ObjectMapper mapper = Codecs.mapper();
            JsonNode tree = mapper.readTree(PRINTER.print(request));
            rewriteIds(tree, true);
            return mapper.writeValueAsBytes(tree);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print OTLP request", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses OTLP/JSON with hex ids back into a request (the inverse of {@link #toBytes}); used by
     * tests and tools that need the protobuf form.
     */
    public static ExportTraceServiceRequest parse(byte[] json) throws IOException {
        JsonNode tree = Codecs.mapper().readTree(json);
        rewriteIds(tree, false);
        ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
        JsonFormat.parser().merge(Codecs.mapper().writeValueAsString(tree), b);
        return b.build();
    }

    /** Walks the tree and converts every id field between base64 and hex. */
    private static void rewriteIds(JsonNode node, boolean toHex) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : obj.properties()) {
                JsonNode v = field.getValue();
                if (ID_FIELDS.contains(field.getKey()) && v.isTextual()) {
                    field.setValue(
                            obj.textNode(
                                    toHex
                                            ? HEX.formatHex(
                                                    Base64.getDecoder().decode(v.textValue()))
                                            : Base64.getEncoder()
                                                    .encodeToString(HEX.parseHex(v.textValue()))));
                } else {
                    rewriteIds(v, toHex);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                rewriteIds(child, toHex);
            }
        }
    }
}
