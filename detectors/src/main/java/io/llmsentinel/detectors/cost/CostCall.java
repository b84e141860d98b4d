package io.llmsentinel.detectors.cost;

import io.llmsentinel.schema.LlmEvent;
import java.util.List;

/**
 * What the cost rules need of one priced call, and nothing else: the cost job shuffles every call
 * to six keyed rules, and a full event with its texts would be serialised six times. A Flink POJO.
 */
public class CostCall {
    public String eventId;
    public long eventTime;

    public String tenantId;
    public String userId;
    public String sessionId;
    public String conversationId;
    public String serviceName;
    public String providerName;

    /** The model asked for; dated snapshots of one model share it. */
    public String requestModel;

    /** Cost as sent or priced; null when unknown (no usage, or a model without a price). */
    public Double costUsd;

    public Long inputTokens;
    public Long outputTokens;

    /** Whether the answer reported a finish reason at all. */
    public boolean finished;

    /** Whether it stopped at max_tokens ({@code length}, or Anthropic's {@code max_tokens}). */
    public boolean truncated;

    public CostCall() {}

    /** Projects a priced event. */
    public static CostCall of(LlmEvent e) {
        CostCall c = new CostCall();
        c.eventId = e.eventId;
        c.eventTime = e.eventTime;
        c.tenantId = e.tenantId;
        c.userId = e.userId;
        c.sessionId = e.sessionId;
        c.conversationId = e.conversationId;
        c.serviceName = e.serviceName;
        c.providerName = e.providerName;
        c.requestModel = e.requestModel != null ? e.requestModel : e.responseModel;
        c.costUsd = e.costUsd;
        c.inputTokens = e.usageInputTokens;
        c.outputTokens = e.usageOutputTokens;
        List<String> reasons = e.responseFinishReasons;
        c.finished = reasons != null && !reasons.isEmpty();
        c.truncated = c.finished && (reasons.contains("length") || reasons.contains("max_tokens"));
        return c;
    }

    /** The cost for spend sums: an unpriced call counts as free rather than unknown. */
    public double cost() {
        return costUsd == null ? 0.0 : costUsd;
    }

    /** Input plus output tokens; absent counts are zero. */
    public long tokens() {
        return (inputTokens == null ? 0 : inputTokens) + (outputTokens == null ? 0 : outputTokens);
    }
}
