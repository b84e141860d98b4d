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
    NOT_GEN_AI,
    /** A GenAI agent or tool span without a model (execute_tool, invoke_agent, create_agent). */
    GEN_AI_AGENT_OR_TOOL,
    OPENINFERENCE_CHAIN,
    OPENINFERENCE_TOOL,
    OPENINFERENCE_AGENT,
    OPENINFERENCE_RETRIEVER,
    OPENINFERENCE_RERANKER,
    OPENINFERENCE_GUARDRAIL,
    OPENINFERENCE_EVALUATOR,
    OPENINFERENCE_PROMPT,
    OPENINFERENCE_UNKNOWN,
    /** An OpenInference kind this version does not know; one bucket keeps metrics bounded. */
    OPENINFERENCE_OTHER;

    /** The reason as a metric or log label: the constant's name in lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
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
