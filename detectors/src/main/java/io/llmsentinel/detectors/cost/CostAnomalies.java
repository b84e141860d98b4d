package io.llmsentinel.detectors.cost;

/**
 * The detector name and anomaly types the cost job emits; part of the anomaly contract (see
 * schemas/README.md) and of the simulator's scoring table.
 */
public final class CostAnomalies {
    public static final String DETECTOR = "cost";

    /** Window spend of a tenant, user or model far above its rolling baseline. */
    public static final String SPEND_SPIKE = "spend_spike";

    /** A tenant's spend in a budget period crossed the warning or the critical share. */
    public static final String BUDGET_THRESHOLD = "budget_threshold";

    /** One session makes too many calls or burns too many tokens in a short time. */
    public static final String RUNAWAY_SESSION = "runaway_session";

    /** A session's input keeps growing call over call (context never trimmed). */
    public static final String INPUT_TOKEN_BLOAT = "input_token_bloat";

    /** The share of a model's answers cut off at max_tokens rose far above its baseline. */
    public static final String FINISH_LENGTH_SURGE = "finish_length_surge";

    /**
     * Calls of a model the pricing table has no price for: their spend counts as zero. One episode
     * per provider, model and UTC day.
     */
    public static final String UNPRICED_MODEL = "unpriced_model";

    private CostAnomalies() {}
}
