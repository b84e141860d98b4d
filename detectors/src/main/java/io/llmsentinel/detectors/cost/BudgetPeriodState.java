package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.EpisodeState;

/**
 * A tenant's spend in one budget period, and the two threshold episodes of that period. An episode
 * that has an id has fired; it never fires again in the same period. A Flink POJO.
 */
public class BudgetPeriodState {
    public String period;
    public long periodStart;
    public long periodEnd;
    public double budgetUsd;
    public double spentUsd;
    public long calls;

    public EpisodeState warning = new EpisodeState();
    public String warningEventId;
    public EpisodeState critical = new EpisodeState();
    public String criticalEventId;

    public BudgetPeriodState() {}
}
