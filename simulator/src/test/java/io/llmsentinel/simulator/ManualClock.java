package io.llmsentinel.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told to: paced runs in tests take no wall-clock time. */
final class ManualClock extends Clock {
    private long nowMs;

    ManualClock(Instant start) {
        this.nowMs = start.toEpochMilli();
    }

    /** Moves the clock forward to {@code epochMs}; never backwards. */
    void advanceTo(long epochMs) {
        nowMs = Math.max(nowMs, epochMs);
    }

    @Override
    public long millis() {
        return nowMs;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMs);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
