package io.llmsentinel.jobs.savepoint;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * Lets a generator source emit its first {@code open} records, then holds it without finishing, so
 * that a savepoint can be taken at an exact input position with the job still running (a finished
 * bounded source would send the final watermark and fire every timer).
 *
 * <p>The source calls {@code acquire()} before each record and only after emitting the previous
 * one, so once the gate is asked for permit {@code open + 1} all {@code open} records are out. The
 * gate's progress lives in a static registry because the MiniCluster runs in this JVM while the
 * strategy itself is serialised into the job.
 */
final class SourceGate implements RateLimiterStrategy<NumberSequenceSplit> {
    private static final Map<String, AtomicLong> REQUESTED = new ConcurrentHashMap<>();

    private final String id;
    private final long open;

    SourceGate(String id, long open) {
        this.id = id;
        this.open = open;
        REQUESTED.put(id, new AtomicLong());
    }

    /** Whether the source has emitted all it may and now waits at the gate. */
    boolean closedBehindLastRecord() {
        return REQUESTED.get(id).get() > open;
    }

    void forget() {
        REQUESTED.remove(id);
    }

    @Override
    public RateLimiter<NumberSequenceSplit> createRateLimiter(int parallelism) {
        if (parallelism != 1) {
            throw new IllegalStateException("a gated fixture source runs at parallelism 1");
        }
        AtomicLong requested = REQUESTED.get(id);
        long limit = open;
        return permits -> {
            long n = requested.addAndGet(permits);
            return n <= limit
                    ? CompletableFuture.completedFuture(null)
                    : new CompletableFuture<Void>();
        };
    }
}
