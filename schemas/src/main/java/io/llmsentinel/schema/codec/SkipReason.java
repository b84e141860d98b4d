package io.llmsentinel.schema.codec;

/**
 * Why a span of an OTLP request became no event. A closed set, so that each can be a metric: the
 * ingest job counts skipped spans per reason ({@link DecodeResult#skippedSpansByReason()}), and an
 * operator can tell "this service's spans are not GenAI at all" from "its agent and tool spans are
 * skipped, its model calls arrive".
 */
public enum SkipReason {
    /** No GenAI attribute of any convention (HTTP, DB, framework spans). */
    NOT_GEN_AI("not_gen_ai"),
    /** A GenAI agent or tool span without a model (execute_tool, invoke_agent, create_agent). */
    GEN_AI_AGENT_OR_TOOL("gen_ai_agent_or_tool");

    private final String wireName;

    SkipReason(String wireName) {
        this.wireName = wireName;
    }

    /** The reason as a metric or log label. */
    public String wireName() {
        return wireName;
    }
}
