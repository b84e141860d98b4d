package io.llmsentinel.simulator.incident;

import java.time.Duration;
import java.util.Objects;

/**
 * When one incident of a timeline happens, relative to the start of the run. Who it hits is chosen
 * by the simulator from its seed.
 */
public record IncidentSpec(IncidentType type, Duration offset, Duration duration) {
    public IncidentSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(duration, "duration");
        if (offset.isNegative()) {
            throw new IllegalArgumentException(type.wireName() + ": offset must not be negative");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(type.wireName() + ": duration must be positive");
        }
    }

    public Duration end() {
        return offset.plus(duration);
    }
}
