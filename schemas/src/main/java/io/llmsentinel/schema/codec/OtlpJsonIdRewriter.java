package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.llmsentinel.schema.DlqReason;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Base64;

/**
 * Turns OTLP/JSON into the canonical proto3 JSON that protobuf's {@code JsonFormat} reads. The one
 * difference that matters is the ids: OTLP/JSON writes trace and span ids as hex, proto3 JSON
 * writes bytes as base64. Everything else OTLP/JSON allows (enums as integers, 64-bit integers as
 * strings or numbers, lowerCamelCase or original field names) JsonFormat already accepts.
 *
 * <p>A single streaming pass copies tokens and rewrites the values of id fields. Field names in
 * OTLP/JSON are always protobuf field names (attribute keys are values), so any field named like an
 * id, at any depth, is one (spans and their links). The pass also enforces the nesting limit.
 */
final class OtlpJsonIdRewriter {
    private final JsonFactory factory;

    OtlpJsonIdRewriter(ValidationLimits limits) {
        this.factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(limits.maxJsonDepth())
                                        .maxStringLength(limits.maxRecordBytes())
                                        .build())
                        .build();
    }

    /**
     * @return the record as proto3 JSON
     * @throws RejectionException MALFORMED_JSON when the bytes are not one JSON value (including
     *     too deep nesting), MALFORMED_OTLP_JSON when they are JSON but not OTLP (not an object, an
     *     id that is not hex of the right length). Syntax wins: a record with both problems is
     *     MALFORMED_JSON, so the reason does not depend on which problem comes first.
     */
    String rewrite(byte[] payload) throws RejectionException {
        StringWriter out = new StringWriter(payload.length + 64);
        String otlpProblem;
        try (JsonParser p = factory.createParser(payload);
                JsonGenerator g = factory.createGenerator(out)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new RejectionException(DlqReason.MALFORMED_JSON, null, "empty record");
            }
            if (first == JsonToken.START_OBJECT) {
                otlpProblem = copyObject(p, g);
            } else {
                p.skipChildren(); // still read it all, so broken JSON is reported as such
                otlpProblem = "an OTLP/JSON record must be a JSON object, got " + first.asString();
            }
            if (p.nextToken() != null) {
                throw new RejectionException(
                        DlqReason.MALFORMED_JSON, null, "trailing content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            throw new RejectionException(
                    DlqReason.MALFORMED_JSON, null, firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            // the input is in memory and StringWriter does not fail; only a parser bug gets here
            throw new RejectionException(DlqReason.MALFORMED_JSON, null, e.toString());
        }
        if (otlpProblem != null) {
            throw new RejectionException(DlqReason.MALFORMED_OTLP_JSON, null, otlpProblem);
        }
        return out.toString();
    }

    /** Copies the object whose START_OBJECT is current; returns the first OTLP problem, if any. */
    private static String copyObject(JsonParser p, JsonGenerator g) throws IOException {
        String problem = null;
        g.copyCurrentEvent(p);
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("unexpected end of input"); // Jackson reports this itself
            }
            switch (t) {
                case START_OBJECT:
                case START_ARRAY:
                    depth++;
                    g.copyCurrentEvent(p);
                    break;
                case END_OBJECT:
                case END_ARRAY:
                    depth--;
                    g.copyCurrentEvent(p);
                    break;
                case FIELD_NAME:
                    String name = p.currentName();
                    g.writeFieldName(name);
                    int idBytes = idBytes(name);
                    if (idBytes > 0) {
                        String error = copyId(p, g, name, idBytes);
                        if (problem == null) {
                            problem = error;
                        }
                    }
                    break;
                default:
                    // exact: keeps the literal text of numbers (no double rounding of int64s)
                    g.copyCurrentEventExact(p);
                    break;
            }
        }
        return problem;
    }

    /** Writes the id value as base64; returns a problem description instead when it is not hex. */
    private static String copyId(JsonParser p, JsonGenerator g, String name, int bytes)
            throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            g.writeNull();
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            g.copyCurrentStructure(p);
            return name + " must be a hex string, got " + t.asString();
        }
        String hex = p.getText();
        byte[] raw = hex.isEmpty() ? new byte[0] : HexIds.fromHex(hex);
        if (raw == null || (raw.length != bytes && raw.length != 0)) {
            g.writeString("");
            return name
                    + " must be "
                    + (2 * bytes)
                    + " hex digits, got \""
                    + abbreviate(hex)
                    + "\"";
        }
        g.writeString(Base64.getEncoder().encodeToString(raw));
        return null;
    }

    private static int idBytes(String field) {
        switch (field) {
            case "traceId":
            case "trace_id":
                return HexIds.TRACE_ID_BYTES;
            case "spanId":
            case "span_id":
            case "parentSpanId":
            case "parent_span_id":
                return HexIds.SPAN_ID_BYTES;
            default:
                return 0;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
