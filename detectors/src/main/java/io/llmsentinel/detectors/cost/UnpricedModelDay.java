package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.EpisodeState;

/**
 * One provider and model without a price on one UTC day, as {@link UnpricedModels} tracks it
 * between its open and its resolved record. A Flink POJO: it is the operator state of the pricing
 * function, so fields may only be added or removed, never retyped.
 */
public class UnpricedModelDay {
    public String providerName;
    public String model;

    /** Start of the UTC day, epoch ms. */
    public long dayStart;

    /** Why the table has no price: {@code PricingTable.Coverage} wire name. */
    public String coverage;

    /** Unpriced calls of the day seen by this subtask. */
    public long calls;

    public String firstEventId;
    public EpisodeState episode = new EpisodeState();

    public UnpricedModelDay() {}
}
