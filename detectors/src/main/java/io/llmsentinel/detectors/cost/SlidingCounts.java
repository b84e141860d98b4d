package io.llmsentinel.detectors.cost;

/**
 * Calls and tokens of one session over a sliding window, kept as a ring of {@link #BUCKETS} buckets
 * (window / 10 each): constant size however busy the session, and tolerant of events arriving out
 * of order within the window. A Flink POJO.
 */
public class SlidingCounts {
    public static final int BUCKETS = 10;

    public long[] calls = new long[BUCKETS];
    public long[] tokens = new long[BUCKETS];

    /** Index (time / bucket length) of the newest bucket; NONE before the first call. */
    public long head = WindowedKeyState.NONE;

    public SlidingCounts() {}

    /**
     * Adds one call in bucket {@code bucket}; a call older than the window is ignored.
     *
     * @return whether the call was counted
     */
    public boolean add(long bucket, long callTokens) {
        if (head == WindowedKeyState.NONE) {
            head = bucket;
        }
        if (bucket > head) {
            long advance = Math.min(bucket - head, BUCKETS);
            for (long b = bucket - advance + 1; b <= bucket; b++) {
                int i = index(b);
                calls[i] = 0;
                tokens[i] = 0;
            }
            head = bucket;
        }
        if (bucket <= head - BUCKETS) {
            return false;
        }
        int i = index(bucket);
        calls[i]++;
        tokens[i] += callTokens;
        return true;
    }

    public long totalCalls() {
        long sum = 0;
        for (long c : calls) {
            sum += c;
        }
        return sum;
    }

    public long totalTokens() {
        long sum = 0;
        for (long t : tokens) {
            sum += t;
        }
        return sum;
    }

    private static int index(long bucket) {
        return (int) Math.floorMod(bucket, (long) BUCKETS);
    }
}
