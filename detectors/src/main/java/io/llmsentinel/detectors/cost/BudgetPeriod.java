package io.llmsentinel.detectors.cost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** Calendar periods a budget resets on, in UTC. */
public enum BudgetPeriod {
    HOURLY,
    DAILY,
    MONTHLY;

    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;

    /** Start (inclusive) of the period that contains {@code timeMs}. */
    public long start(long timeMs) {
        return switch (this) {
            case HOURLY -> Math.floorDiv(timeMs, HOUR_MS) * HOUR_MS;
            case DAILY -> Math.floorDiv(timeMs, DAY_MS) * DAY_MS;
            case MONTHLY ->
                    firstOfMonth(timeMs).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        };
    }

    /** End (exclusive) of the period that contains {@code timeMs}. */
    public long end(long timeMs) {
        return switch (this) {
            case HOURLY -> start(timeMs) + HOUR_MS;
            case DAILY -> start(timeMs) + DAY_MS;
            case MONTHLY ->
                    firstOfMonth(timeMs)
                            .plusMonths(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .toEpochMilli();
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BudgetPeriod parse(String text) {
        for (BudgetPeriod p : values()) {
            if (p.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown budget period '" + text + "' (use hourly, daily or monthly)");
    }

    private static LocalDate firstOfMonth(long timeMs) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(timeMs), ZoneOffset.UTC).withDayOfMonth(1);
    }
}
