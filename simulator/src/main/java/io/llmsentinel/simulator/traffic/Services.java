package io.llmsentinel.simulator.traffic;

import java.util.List;

/** The simulated applications. Shares add up to 1. */
public final class Services {
    private Services() {}

    public static final ServiceProfile SUPPORT_BOT =
            new ServiceProfile(
                    "support-bot",
                    ServiceKind.SUPPORT_CHAT,
                    0.35,
                    Weighted.of(Models.CLAUDE_3_5_HAIKU, 0.55, Models.GPT_4O_MINI, 0.45),
                    Weighted.of(
                            new PromptTemplate("support_answer", "7"), 0.75,
                            new PromptTemplate("support_escalation", "2"), 0.25),
                    0.9,
                    2,
                    10,
                    25,
                    950,
                    70,
                    0,
                    170,
                    0.55,
                    800,
                    0.3,
                    0.02,
                    "/v1/chat",
                    "python");

    public static final ServiceProfile CODE_ASSISTANT =
            new ServiceProfile(
                    "code-assistant",
                    ServiceKind.CODE_ASSISTANT,
                    0.25,
                    Weighted.of(
                            Models.GPT_4O, 0.5, Models.CLAUDE_SONNET_4, 0.4, Models.O3_MINI, 0.1),
                    Weighted.of(
                            new PromptTemplate("code_completion", "12"), 0.5,
                            new PromptTemplate("code_review", "4"), 0.3,
                            new PromptTemplate("code_explain", "3"), 0.2),
                    0.95,
                    1,
                    14,
                    40,
                    1400,
                    1800,
                    0,
                    380,
                    0.6,
                    4096,
                    0.2,
                    0.04,
                    "/api/complete",
                    "nodejs");

    public static final ServiceProfile SEARCH_SUMMARIZER =
            new ServiceProfile(
                    "search-summarizer",
                    ServiceKind.SEARCH_SUMMARY,
                    0.25,
                    Weighted.of(Models.GEMINI_2_0_FLASH, 0.7, Models.MISTRAL_LARGE, 0.3),
                    Weighted.of(
                            new PromptTemplate("summarize_results", "5"), 0.85,
                            new PromptTemplate("answer_with_citations", "2"), 0.15),
                    0.0,
                    1,
                    3,
                    60,
                    600,
                    25,
                    5,
                    210,
                    0.35,
                    512,
                    0.1,
                    0.0,
                    "/search/summary",
                    "java");

    public static final ServiceProfile AGENT_RUNNER =
            new ServiceProfile(
                    "agent-runner",
                    ServiceKind.AGENT,
                    0.15,
                    Weighted.of(
                            Models.CLAUDE_SONNET_4, 0.5, Models.GPT_4O, 0.3, Models.NOVA_PRO, 0.2),
                    Weighted.of(
                            new PromptTemplate("agent_planner", "3"), 0.3,
                            new PromptTemplate("agent_step", "9"), 0.7),
                    0.0,
                    3,
                    10,
                    4,
                    2200,
                    120,
                    0,
                    140,
                    0.5,
                    2048,
                    0.0,
                    0.0,
                    "/agents/run",
                    "python");

    public static final List<ServiceProfile> ALL =
            List.of(SUPPORT_BOT, CODE_ASSISTANT, SEARCH_SUMMARIZER, AGENT_RUNNER);
}
