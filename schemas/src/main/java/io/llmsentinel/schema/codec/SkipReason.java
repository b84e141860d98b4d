package io.llmsentinel.schema.codec;

import java.util.Locale;

/**
 * Why a span of an OTLP request became no event. A closed set, so that each can be a metric: the
 * ingest job counts skipped spans per reason ({@link DecodeResult#skippedSpansByReason()}), and an
 * operator can tell "this service's spans are not GenAI at all" from "this framework's chain and
 * tool spans are skipped, its LLM spans arrive".
 */
public enum SkipReason {
    /** No GenAI attribute of any convention (HTTP, DB, framework spans). */
    NOT_GEN_AI("not_gen_ai"),
    /** A GenAI agent or tool span without a model (execute_tool, invoke_agent, create_agent). */
    GEN_AI_AGENT_OR_TOOL("gen_ai_agent_or_tool"),
    OPENINFERENCE_CHAIN("openinference_chain"),
    OPENINFERENCE_TOOL("openinference_tool"),
    OPENINFERENCE_AGENT("openinference_agent"),
    OPENINFERENCE_RETRIEVER("openinference_retriever"),
    OPENINFERENCE_RERANKER("openinference_reranker"),
    OPENINFERENCE_GUARDRAIL("openinference_guardrail"),
    OPENINFERENCE_EVALUATOR("openinference_evaluator"),
    OPENINFERENCE_PROMPT("openinference_prompt"),
    OPENINFERENCE_UNKNOWN("openinference_unknown"),
    /** An OpenInference kind this version does not know; one bucket keeps metrics bounded. */
    OPENINFERENCE_OTHER("openinference_other");

    private final String wireName;

    SkipReason(String wireName) {
        this.wireName = wireName;
    }

    /** The reason as a metric or log label. */
    public String wireName() {
        return wireName;
    }

    /** The reason for skipping an OpenInference span of {@code kind} (not LLM or EMBEDDING). */
    static SkipReason openInference(String kind) {
        String k = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
        return switch (k) {
            case "CHAIN" -> OPENINFERENCE_CHAIN;
            case "TOOL" -> OPENINFERENCE_TOOL;
            case "AGENT" -> OPENINFERENCE_AGENT;
            case "RETRIEVER" -> OPENINFERENCE_RETRIEVER;
            case "RERANKER" -> OPENINFERENCE_RERANKER;
            case "GUARDRAIL" -> OPENINFERENCE_GUARDRAIL;
            case "EVALUATOR" -> OPENINFERENCE_EVALUATOR;
            case "PROMPT" -> OPENINFERENCE_PROMPT;
            case "UNKNOWN" -> OPENINFERENCE_UNKNOWN;
            default -> OPENINFERENCE_OTHER;
        };
    }
}
