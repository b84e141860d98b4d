package io.llmsentinel.schema.normalize;

import java.util.Locale;

/**
 * Provider names as the OpenTelemetry GenAI conventions spell them ({@code gen_ai.provider.name}
 * well-known values). Instrumentations disagree: OpenLLMetry sent {@code OpenAI} and {@code
 * MistralAI}, OpenInference sends {@code mistralai} and {@code azure}, older conventions had {@code
 * az.ai.openai} and {@code vertex_ai}. Events are keyed and priced by provider, so every spelling
 * of one provider must become one value before anything groups by it.
 *
 * <p>A name is matched case-insensitively and ignoring spaces, dots, dashes and underscores; a name
 * that is no alias is kept, lower-cased and trimmed.
 */
public final class ProviderNames {
    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String AWS_BEDROCK = "aws.bedrock";
    public static final String AZURE_AI_OPENAI = "azure.ai.openai";
    public static final String AZURE_AI_INFERENCE = "azure.ai.inference";
    public static final String GCP_VERTEX_AI = "gcp.vertex_ai";
    public static final String GCP_GEMINI = "gcp.gemini";
    public static final String GCP_GEN_AI = "gcp.gen_ai";
    public static final String MISTRAL_AI = "mistral_ai";
    public static final String COHERE = "cohere";
    public static final String GROQ = "groq";
    public static final String DEEPSEEK = "deepseek";
    public static final String PERPLEXITY = "perplexity";
    public static final String X_AI = "x_ai";
    public static final String IBM_WATSONX_AI = "ibm.watsonx.ai";

    private static final Aliases ALIASES =
            new Aliases(ProviderNames::key, name -> name.trim().toLowerCase(Locale.ROOT))
                    .add(OPENAI, "openai")
                    .add(ANTHROPIC, "anthropic")
                    // "amazon" is OpenInference's llm.system for Bedrock's own models, "aws" its
                    // llm.provider
                    .add(AWS_BEDROCK, "aws.bedrock", "bedrock", "aws", "amazon bedrock", "amazon")
                    // az.ai.openai is the name before the azure.* rename; OpenInference says azure
                    .add(
                            AZURE_AI_OPENAI,
                            "azure.ai.openai",
                            "az.ai.openai",
                            "azure",
                            "azure openai")
                    .add(
                            AZURE_AI_INFERENCE,
                            "azure.ai.inference",
                            "az.ai.inference",
                            "azure inference")
                    .add(GCP_VERTEX_AI, "gcp.vertex_ai", "vertex_ai", "vertex", "google vertex ai")
                    .add(
                            GCP_GEMINI,
                            "gcp.gemini",
                            "gemini",
                            "google",
                            "google gemini",
                            "google genai")
                    .add(GCP_GEN_AI, "gcp.gen_ai")
                    .add(MISTRAL_AI, "mistral_ai", "mistral")
                    .add(COHERE, "cohere")
                    .add(GROQ, "groq")
                    .add(DEEPSEEK, "deepseek")
                    .add(PERPLEXITY, "perplexity")
                    .add(X_AI, "x_ai")
                    .add(IBM_WATSONX_AI, "ibm.watsonx.ai", "watsonx", "watsonx.ai", "ibm");

    private ProviderNames() {}

    /** The well-known name for {@code name}; null stays null, blank becomes null. */
    public static String normalize(String name) {
        return ALIASES.normalize(name);
    }

    /** "AWS Bedrock", "aws_bedrock" and "aws.bedrock" share the key "awsbedrock". */
    private static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '.' && c != '-' && c != '_') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
