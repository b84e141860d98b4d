package io.llmsentinel.schema;

import java.util.Locale;

/** The encodings the ingest job reads; the value is what {@code source_format} records. */
public enum SourceFormat {
    /** Our llm-event v1 JSON, one object per record. */
    JSON("json"),
    /** OTLP ExportTraceServiceRequest protobuf, as the Collector's Kafka exporter writes it. */
    OTLP_PROTO("otlp_proto"),
    /** OTLP/JSON ExportTraceServiceRequest. */
    OTLP_JSON("otlp_json");

    private final String wireName;

    SourceFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Accepts the wire name or the CLI spelling ({@code otlp-proto}). */
    public static SourceFormat parse(String s) {
        String n = s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (SourceFormat f : values()) {
            if (f.wireName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown format '" + s + "' (expected json, otlp_json or otlp_proto)");
    }
}
