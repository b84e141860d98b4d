package io.llmsentinel.detectors.latency;

import io.llmsentinel.schema.LlmEvent;
import java.util.Locale;

/** What the latency and drift detectors may group calls by: the parts of a key. */
public enum KeyDimension {
    PROVIDER,
    /** The model asked for: a silent model swap must not split a route into two new keys. */
    MODEL,
    SERVICE,
    TENANT,
    ENVIRONMENT,
    OPERATION,
    /** The prompt template and its version: an edited template is a new population. */
    TEMPLATE;

    public String value(LlmEvent e) {
        return switch (this) {
            case PROVIDER -> e.providerName;
            case MODEL -> e.requestModel != null ? e.requestModel : e.responseModel;
            case SERVICE -> e.serviceName;
            case TENANT -> e.tenantId;
            case ENVIRONMENT -> e.deploymentEnvironment;
            case OPERATION -> e.operationName;
            case TEMPLATE ->
                    e.promptTemplateName == null
                            ? null
                            : e.promptTemplateVersion == null
                                    ? e.promptTemplateName
                                    : e.promptTemplateName + "@" + e.promptTemplateVersion;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire name: Flink's enum config options parse and write a value by its toString(). */
    @Override
    public String toString() {
        return wireName();
    }
}
