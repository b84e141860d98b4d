package io.llmsentinel.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates JSON documents against the contract's JSON Schema files (test helper, shared). */
public final class ContractSchemas {
    public static final String LLM_EVENT = "llm-event";
    public static final String ANOMALY = "anomaly";
    public static final String DEAD_LETTER = "dead-letter";
    public static final String INCIDENT = "incident";

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {}

    /**
     * Returns the validation errors of {@code json} against schema {@code name}; empty if valid.
     */
    public static List<String> errors(String name, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(name, ContractSchemas::load);
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    public static List<String> errors(String name, byte[] json) {
        return errors(name, new String(json, StandardCharsets.UTF_8));
    }

    private static Schema load(String name) {
        String resource = "/schemas/v1/" + name + ".schema.json";
        try (InputStream in = ContractSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + resource);
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
