package io.llmsentinel.simulator.encode;

import io.llmsentinel.simulator.traffic.ServiceProfile;
import io.llmsentinel.simulator.traffic.Services;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.HashMap;
import java.util.Map;

/**
 * What each simulated application reports about itself: its resource (service, environment, SDK,
 * pod) and the instrumentation scopes its spans come from.
 */
final class OtlpResources {
    static final int PODS_PER_SERVICE = 3;

    private static final Map<String, ServiceProfile> SERVICES = new HashMap<>();

    static {
        for (ServiceProfile s : Services.ALL) {
            SERVICES.put(s.name(), s);
        }
    }

    private OtlpResources() {}

    static ServiceProfile service(String name) {
        return SERVICES.get(name);
    }

    static Resource resource(String serviceName, String environment, String language, int pod) {
        return Resource.newBuilder()
                .addAttributes(OtlpAttributes.string("service.name", serviceName))
                .addAttributes(
                        OtlpAttributes.string("service.version", "1." + (4 + pod % 2) + ".2"))
                .addAttributes(
                        OtlpAttributes.string(
                                "deployment.environment.name",
                                environment == null ? "production" : environment))
                .addAttributes(OtlpAttributes.string("telemetry.sdk.name", "opentelemetry"))
                .addAttributes(OtlpAttributes.string("telemetry.sdk.language", language))
                .addAttributes(
                        OtlpAttributes.string(
                                "k8s.pod.name", serviceName + "-6d8f7b9c4-" + podSuffix(pod)))
                .build();
    }

    private static String podSuffix(int pod) {
        return new String[] {"x2kfq", "m9tzr", "p4wlc"}[pod % PODS_PER_SERVICE];
    }

    /** The instrumentation library that records GenAI spans for this provider. */
    static InstrumentationScope genAiScope(String provider, String language) {
        String name =
                switch (provider) {
                    case "openai" ->
                            language.equals("nodejs")
                                    ? "@opentelemetry/instrumentation-openai"
                                    : "opentelemetry.instrumentation.openai_v2";
                    case "anthropic" -> "opentelemetry.instrumentation.anthropic";
                    case "gcp.gemini" -> "opentelemetry.instrumentation.google_genai";
                    case "aws.bedrock" -> "opentelemetry.instrumentation.botocore";
                    default -> "llm-gateway";
                };
        return InstrumentationScope.newBuilder().setName(name).setVersion("0.4.0").build();
    }

    static InstrumentationScope httpScope(String language) {
        String name =
                switch (language) {
                    case "nodejs" -> "@opentelemetry/instrumentation-http";
                    case "java" -> "io.opentelemetry.spring-webmvc-6.0";
                    default -> "opentelemetry.instrumentation.fastapi";
                };
        return InstrumentationScope.newBuilder().setName(name).setVersion("2.1.0").build();
    }

    static InstrumentationScope databaseScope(String language) {
        String name =
                switch (language) {
                    case "nodejs" -> "@opentelemetry/instrumentation-pg";
                    case "java" -> "io.opentelemetry.jdbc";
                    default -> "opentelemetry.instrumentation.psycopg";
                };
        return InstrumentationScope.newBuilder().setName(name).setVersion("2.1.0").build();
    }
}
