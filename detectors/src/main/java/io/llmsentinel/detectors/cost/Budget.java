package io.llmsentinel.detectors.cost;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A tenant's spending limit per calendar period. */
public record Budget(String tenantId, BudgetPeriod period, double amountUsd)
        implements Serializable {

    public Budget {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(period, "period");
        if (tenantId.isBlank()) {
            throw new IllegalArgumentException("a budget needs a tenant");
        }
        if (!(amountUsd > 0) || Double.isInfinite(amountUsd)) {
            throw new IllegalArgumentException(
                    "budget of " + tenantId + " must be a positive amount, got " + amountUsd);
        }
    }

    /**
     * Parses {@code tenant:period:amount} entries separated by {@code ;}, e.g. {@code
     * acme:daily:500;globex:monthly:10000}. The tenant is everything before the last two colons, so
     * tenant ids may contain colons. A tenant may have one budget per period.
     */
    public static List<Budget> parseList(String text) {
        List<Budget> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (text == null) {
            return out;
        }
        for (String raw : text.split(";")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int amountAt = entry.lastIndexOf(':');
            int periodAt = amountAt <= 0 ? -1 : entry.lastIndexOf(':', amountAt - 1);
            if (periodAt <= 0) {
                throw new IllegalArgumentException(
                        "budget '" + entry + "' is not tenant:period:amount");
            }
            double amount;
            try {
                amount = Double.parseDouble(entry.substring(amountAt + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "budget '" + entry + "': the amount is not a number", e);
            }
            Budget b =
                    new Budget(
                            entry.substring(0, periodAt).trim(),
                            BudgetPeriod.parse(entry.substring(periodAt + 1, amountAt)),
                            amount);
            if (!seen.add(b.tenantId() + "\u0000" + b.period())) {
                throw new IllegalArgumentException(
                        "budget '"
                                + entry
                                + "': tenant already has a "
                                + b.period().wire()
                                + " budget");
            }
            out.add(b);
        }
        return out;
    }
}
