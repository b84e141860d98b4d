package io.llmsentinel.detectors.cost;

/** Per tenant, user or model: the spend baseline and the subject's identity. A Flink POJO. */
public class SpendState extends WindowedKeyState {
    public String tenantId;
    public String userId;
    public String providerName;
    public String model;

    /** Spend per window (empty windows count as zero). */
    public EwmaStats baseline = new EwmaStats();

    /** Windows folded into the baseline that had calls (warm-up requires half of them). */
    public long activeWindows;

    public SpendState() {}
}
