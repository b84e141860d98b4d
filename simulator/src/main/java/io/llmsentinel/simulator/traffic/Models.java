package io.llmsentinel.simulator.traffic;

import java.util.List;

/** The models the simulated applications call. Prices come from the pricing table. */
public final class Models {
    private Models() {}

    public static final ModelProfile GPT_4O =
            new ModelProfile(
                    "openai",
                    "gpt-4o",
                    "gpt-4o-2024-08-06",
                    "gpt-4o-2024-11-20",
                    "api.openai.com",
                    2200,
                    0.50,
                    450,
                    0.40,
                    1.0,
                    128_000,
                    true,
                    false,
                    "chatcmpl-");
    public static final ModelProfile GPT_4O_MINI =
            new ModelProfile(
                    "openai",
                    "gpt-4o-mini",
                    "gpt-4o-mini-2024-07-18",
                    null,
                    "api.openai.com",
                    1400,
                    0.45,
                    320,
                    0.40,
                    0.9,
                    128_000,
                    true,
                    false,
                    "chatcmpl-");
    public static final ModelProfile O3_MINI =
            new ModelProfile(
                    "openai",
                    "o3-mini",
                    "o3-mini-2025-01-31",
                    null,
                    "api.openai.com",
                    7000,
                    0.65,
                    3800,
                    0.55,
                    0.8,
                    200_000,
                    true,
                    true,
                    "chatcmpl-");
    public static final ModelProfile CLAUDE_SONNET_4 =
            new ModelProfile(
                    "anthropic",
                    "claude-sonnet-4",
                    "claude-sonnet-4-20250514",
                    "claude-3-7-sonnet-20250219",
                    "api.anthropic.com",
                    3300,
                    0.45,
                    900,
                    0.35,
                    1.15,
                    200_000,
                    true,
                    false,
                    "msg_");
    public static final ModelProfile CLAUDE_3_5_HAIKU =
            new ModelProfile(
                    "anthropic",
                    "claude-3-5-haiku",
                    "claude-3-5-haiku-20241022",
                    null,
                    "api.anthropic.com",
                    1700,
                    0.40,
                    520,
                    0.35,
                    0.95,
                    200_000,
                    true,
                    false,
                    "msg_");
    public static final ModelProfile GEMINI_2_0_FLASH =
            new ModelProfile(
                    "gcp.gemini",
                    "gemini-2.0-flash",
                    "gemini-2.0-flash-001",
                    "gemini-2.0-flash-lite-001",
                    "generativelanguage.googleapis.com",
                    950,
                    0.45,
                    280,
                    0.40,
                    1.05,
                    1_048_576,
                    true,
                    false,
                    null);
    public static final ModelProfile NOVA_PRO =
            new ModelProfile(
                    "aws.bedrock",
                    "amazon.nova-pro-v1:0",
                    "amazon.nova-pro-v1:0",
                    null,
                    "bedrock-runtime.us-east-1.amazonaws.com",
                    2000,
                    0.55,
                    520,
                    0.45,
                    0.9,
                    300_000,
                    false,
                    false,
                    null);
    public static final ModelProfile MISTRAL_LARGE =
            new ModelProfile(
                    "mistral_ai",
                    "mistral-large-latest",
                    "mistral-large-2411",
                    "mistral-large-2407",
                    "api.mistral.ai",
                    2600,
                    0.55,
                    600,
                    0.45,
                    1.0,
                    128_000,
                    false,
                    false,
                    "");

    public static final List<ModelProfile> ALL =
            List.of(
                    GPT_4O,
                    GPT_4O_MINI,
                    O3_MINI,
                    CLAUDE_SONNET_4,
                    CLAUDE_3_5_HAIKU,
                    GEMINI_2_0_FLASH,
                    NOVA_PRO,
                    MISTRAL_LARGE);
}
