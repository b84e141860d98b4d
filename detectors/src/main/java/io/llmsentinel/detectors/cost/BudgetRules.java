package io.llmsentinel.detectors.cost;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured budgets and the shares of a budget at which an anomaly is raised: a warning at
 * {@code warningShare} (0.8), a critical one at {@code criticalShare} (1.0).
 */
public record BudgetRules(List<Budget> budgets, double warningShare, double criticalShare)
        implements Serializable {

    public BudgetRules {
        budgets = List.copyOf(budgets);
        if (!(warningShare > 0) || !(criticalShare > warningShare)) {
            throw new IllegalArgumentException(
                    "need 0 < warningShare < criticalShare, got "
                            + warningShare
                            + " and "
                            + criticalShare);
        }
    }

    /** Budgets by tenant id. */
    public Map<String, List<Budget>> byTenant() {
        Map<String, List<Budget>> out = new HashMap<>();
        for (Budget b : budgets) {
            out.computeIfAbsent(b.tenantId(), k -> new ArrayList<>()).add(b);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }
}
