package io.llmsentinel.simulator.traffic;

/** What an application does with the model; decides its texts and conversation shape. */
public enum ServiceKind {
    SUPPORT_CHAT,
    CODE_ASSISTANT,
    SEARCH_SUMMARY,
    AGENT
}
