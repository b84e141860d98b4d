package io.llmsentinel.simulator.traffic;

/**
 * One user session of one service: the calls of a chat, a coding session or an agent run. Its
 * context grows with every turn (earlier messages and tool results are sent again), which is what
 * makes multi-turn input tokens grow.
 */
public final class Session {
    public final String id;
    public final ServiceProfile service;
    public final Tenant tenant;
    public final String userId;
    public final ModelProfile model;
    public final PromptTemplate template;
    public final int plannedTurns;
    public final long systemTokens;

    public String conversationId;

    /** Calls made so far. */
    public int turns;

    /** Tokens of earlier turns that are sent again with the next call. */
    public long contextTokens;

    /** Agent runs keep one trace for all their steps; zero when every call is its own trace. */
    public long traceHigh;

    public long traceLow;

    /** Position in the owning pool, kept for O(1) removal. */
    int poolIndex = -1;

    public Session(
            String id,
            String conversationId,
            ServiceProfile service,
            Tenant tenant,
            String userId,
            ModelProfile model,
            PromptTemplate template,
            int plannedTurns,
            long systemTokens) {
        this.id = id;
        this.conversationId = conversationId;
        this.service = service;
        this.tenant = tenant;
        this.userId = userId;
        this.model = model;
        this.template = template;
        this.plannedTurns = plannedTurns;
        this.systemTokens = systemTokens;
    }

    public boolean finished() {
        return turns >= plannedTurns;
    }
}
