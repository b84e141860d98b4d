package io.llmsentinel.simulator.traffic;

/**
 * One simulated application and the shape of its LLM calls.
 *
 * @param trafficShare its share of the baseline call rate
 * @param streamingShare fraction of calls that stream (only those report time to first chunk)
 * @param minTurns fewest calls in one session (agent steps, chat turns)
 * @param maxTurns most calls in one session
 * @param turnGapSeconds typical time between two calls of one session
 * @param systemPromptTokens median size of the fixed prompt prefix (instructions, tools)
 * @param userMessageTokens median size of what the user adds per turn (code context for the code
 *     assistant)
 * @param retrievedDocuments documents retrieved per call (each ~650 tokens), 0 for none
 * @param outputTokensMedian typical answer length
 * @param outputSigma log-space spread of the answer length
 * @param maxTokens the request's max_tokens; longer answers stop with finish_reason "length"
 * @param toolCallShare fraction of ordinary calls that end in a tool call
 * @param httpRoute the route of the application's own HTTP endpoint (for the non-GenAI spans)
 * @param sdkLanguage the language its OpenTelemetry SDK reports
 */
public record ServiceProfile(
        String name,
        ServiceKind kind,
        double trafficShare,
        Weighted<ModelProfile> models,
        Weighted<PromptTemplate> templates,
        double streamingShare,
        int minTurns,
        int maxTurns,
        double turnGapSeconds,
        double systemPromptTokens,
        double userMessageTokens,
        int retrievedDocuments,
        double outputTokensMedian,
        double outputSigma,
        long maxTokens,
        double temperature,
        double toolCallShare,
        String httpRoute,
        String sdkLanguage) {}
