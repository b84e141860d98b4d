package io.llmsentinel.detectors.cost;

/**
 * How a session's input grows: the number of calls that set a new maximum of input tokens since the
 * context was last trimmed, and the growth from the first to the largest input. A call whose input
 * falls below half the maximum means the application trimmed or restarted the conversation, which
 * starts a new run.
 *
 * <p>Calls of one session reach the job out of order whenever they sit in different Kafka
 * partitions that are read at different speeds, sometimes minutes apart. A call older than the
 * newest one seen is therefore ignored: an early, small input arriving late must not look like a
 * trimmed context. A Flink POJO.
 */
public class ContextGrowth {
    /** Below this share of the maximum, the context counts as trimmed. */
    public static final double TRIM_SHARE = 0.5;

    public long firstInput;
    public long maxInput;

    /** Calls of this run whose input exceeded every earlier one. */
    public int newMaxima;

    /** Event time of the newest call observed. */
    public long lastTime = Long.MIN_VALUE;

    public ContextGrowth() {}

    /**
     * @return whether the call was taken into account (false when it arrived out of order)
     */
    public boolean observe(long time, long inputTokens) {
        if (time < lastTime) {
            return false;
        }
        lastTime = time;
        if (maxInput == 0 || inputTokens < maxInput * TRIM_SHARE) {
            firstInput = inputTokens;
            maxInput = inputTokens;
            newMaxima = 0;
        } else if (inputTokens > maxInput) {
            maxInput = inputTokens;
            newMaxima++;
        }
        return true;
    }

    /** Largest over first input of this run; 1 when nothing grew. */
    public double growthFactor() {
        return firstInput <= 0 ? (maxInput > 0 ? maxInput : 1) : (double) maxInput / firstInput;
    }
}
