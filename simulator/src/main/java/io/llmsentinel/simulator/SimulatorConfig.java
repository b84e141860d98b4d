package io.llmsentinel.simulator;

import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.incident.IncidentSpec;
import io.llmsentinel.simulator.incident.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate. Validated on construction; every error message starts with the name of the
 * offending field.
 *
 * @param seed everything random derives from it; same config, same output
 * @param ratePerSecond baseline calls per second (incidents add some on top)
 * @param duration how much (simulated or, when paced, wall-clock) time the run covers
 * @param startTime first event time when not paced; null for {@link #DEFAULT_START_TIME}. Must be
 *     null when paced: paced runs stamp events with the wall clock
 * @param paced emit events in real time at the configured rate, event time = now; otherwise as fast
 *     as possible on a simulated clock starting at {@code startTime}
 * @param format the record encoding
 * @param badRecordRate probability, per event, of an extra deliberately broken record
 * @param timeline which incidents happen when ({@link Timeline#defaults()}, {@link Timeline#none()}
 *     or explicit)
 */
public record SimulatorConfig(
        long seed,
        double ratePerSecond,
        Duration duration,
        Instant startTime,
        boolean paced,
        SourceFormat format,
        double badRecordRate,
        Timeline timeline) {

    /** A fixed start so that unpaced runs are reproducible without configuration. */
    public static final Instant DEFAULT_START_TIME = Instant.parse("2025-06-02T08:00:00Z");

    public static final double MAX_RATE_PER_SECOND = 10_000_000;

    public SimulatorConfig {
        if (!(ratePerSecond > 0) || ratePerSecond > MAX_RATE_PER_SECOND) {
            throw new IllegalArgumentException(
                    "ratePerSecond: must be above 0 and at most "
                            + (long) MAX_RATE_PER_SECOND
                            + ", got "
                            + ratePerSecond);
        }
        if (duration == null || duration.isNegative() || duration.toMillis() < 1) {
            throw new IllegalArgumentException("duration: must be at least 1 ms, got " + duration);
        }
        if (paced && startTime != null) {
            throw new IllegalArgumentException(
                    "startTime: must not be set for a paced run, which stamps events with the"
                            + " wall clock");
        }
        if (startTime != null && startTime.toEpochMilli() < 0) {
            throw new IllegalArgumentException(
                    "startTime: must not be before 1970-01-01, got " + startTime);
        }
        if (format == null) {
            throw new IllegalArgumentException("format: must be set (json, otlp_proto, otlp_json)");
        }
        if (!(badRecordRate >= 0 && badRecordRate <= 1)) {
            throw new IllegalArgumentException(
                    "badRecordRate: must be between 0 and 1, got " + badRecordRate);
        }
        if (timeline == null) {
            throw new IllegalArgumentException("timeline: must be set (default, none or a list)");
        }
        for (IncidentSpec spec : timeline.resolve(duration)) {
            if (spec.end().compareTo(duration) > 0) {
                throw new IllegalArgumentException(
                        "timeline: "
                                + spec.type().wireName()
                                + " ends at "
                                + spec.end()
                                + ", after the end of the run ("
                                + duration
                                + ")");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Epoch ms of the first possible event: the wall clock when paced, else the start time. */
    public long startMs(Clock clock) {
        if (paced) {
            return clock.millis();
        }
        return (startTime != null ? startTime : DEFAULT_START_TIME).toEpochMilli();
    }

    /**
     * Defaults: seed 42, 100 calls/s, 30 minutes, unpaced, JSON, no bad records, default timeline.
     */
    public static final class Builder {
        private long seed = 42;
        private double ratePerSecond = 100;
        private Duration duration = Duration.ofMinutes(30);
        private Instant startTime;
        private boolean paced;
        private SourceFormat format = SourceFormat.JSON;
        private double badRecordRate;
        private Timeline timeline = Timeline.defaults();

        private Builder() {}

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder ratePerSecond(double ratePerSecond) {
            this.ratePerSecond = ratePerSecond;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        public Builder startTime(Instant startTime) {
            this.startTime = startTime;
            return this;
        }

        public Builder paced(boolean paced) {
            this.paced = paced;
            return this;
        }

        public Builder format(SourceFormat format) {
            this.format = format;
            return this;
        }

        public Builder badRecordRate(double badRecordRate) {
            this.badRecordRate = badRecordRate;
            return this;
        }

        public Builder timeline(Timeline timeline) {
            this.timeline = timeline;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(
                    seed,
                    ratePerSecond,
                    duration,
                    startTime,
                    paced,
                    format,
                    badRecordRate,
                    timeline);
        }
    }
}
