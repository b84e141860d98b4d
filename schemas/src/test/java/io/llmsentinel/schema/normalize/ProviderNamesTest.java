package io.llmsentinel.schema.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderNamesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    openai            | openai
                    OpenAI            | openai
                    ' OpenAI '        | openai
                    Anthropic         | anthropic
                    Bedrock           | aws.bedrock
                    AWS Bedrock       | aws.bedrock
                    aws_bedrock       | aws.bedrock
                    aws               | aws.bedrock
                    AWS               | aws.bedrock
                    amazon            | aws.bedrock
                    aws.bedrock       | aws.bedrock
                    AzureOpenAI       | azure.ai.openai
                    Azure             | azure.ai.openai
                    azure             | azure.ai.openai
                    az.ai.openai      | azure.ai.openai
                    azure.ai.openai   | azure.ai.openai
                    az.ai.inference   | azure.ai.inference
                    VertexAI          | gcp.vertex_ai
                    vertex_ai         | gcp.vertex_ai
                    vertexai          | gcp.vertex_ai
                    Gemini            | gcp.gemini
                    gemini            | gcp.gemini
                    Google            | gcp.gemini
                    google_genai      | gcp.gemini
                    gcp.gen_ai        | gcp.gen_ai
                    Mistral           | mistral_ai
                    MistralAI         | mistral_ai
                    mistralai         | mistral_ai
                    Cohere            | cohere
                    Groq              | groq
                    DeepSeek          | deepseek
                    xAI               | x_ai
                    xai               | x_ai
                    Perplexity        | perplexity
                    Watsonx           | ibm.watsonx.ai
                    Ollama            | ollama
                    TogetherAI        | togetherai
                    my.Custom-Gateway | my.custom-gateway
                    """)
    void aliasesBecomeTheWellKnownNameAndOthersAreLowerCased(String raw, String expected) {
        assertThat(ProviderNames.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void blankIsAbsent(String raw) {
        assertThat(ProviderNames.normalize(raw)).isNull();
        assertThat(ProviderNames.normalize(null)).isNull();
    }
}
