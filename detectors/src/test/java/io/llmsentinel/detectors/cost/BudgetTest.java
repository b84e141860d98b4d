package io.llmsentinel.detectors.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetTest {
    static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void parsesAListOfBudgets() {
        List<Budget> budgets =
                Budget.parseList(" acme:daily:500 ; globex:monthly:10000;;a:b:hourly:1.5");
        assertThat(budgets)
                .containsExactly(
                        new Budget("acme", BudgetPeriod.DAILY, 500),
                        new Budget("globex", BudgetPeriod.MONTHLY, 10_000),
                        new Budget("a:b", BudgetPeriod.HOURLY, 1.5));
        assertThat(Budget.parseList("")).isEmpty();
    }

    @Test
    void refusesMalformedBudgets() {
        assertThatThrownBy(() -> Budget.parseList("acme:daily")).hasMessageContaining("acme:daily");
        assertThatThrownBy(() -> Budget.parseList("acme:weekly:5")).hasMessageContaining("weekly");
        assertThatThrownBy(() -> Budget.parseList("acme:daily:-5"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Budget.parseList("acme:daily:lots"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> Budget.parseList("acme:daily:5;acme:daily:6"))
                .hasMessageContaining("already");
    }

    @Test
    void periodsAreUtcCalendarPeriods() {
        long t = at("2024-02-29T13:45:10Z");
        assertThat(BudgetPeriod.HOURLY.start(t)).isEqualTo(at("2024-02-29T13:00:00Z"));
        assertThat(BudgetPeriod.HOURLY.end(t)).isEqualTo(at("2024-02-29T14:00:00Z"));
        assertThat(BudgetPeriod.DAILY.start(t)).isEqualTo(at("2024-02-29T00:00:00Z"));
        assertThat(BudgetPeriod.DAILY.end(t)).isEqualTo(at("2024-03-01T00:00:00Z"));
        assertThat(BudgetPeriod.MONTHLY.start(t)).isEqualTo(at("2024-02-01T00:00:00Z"));
        assertThat(BudgetPeriod.MONTHLY.end(t)).isEqualTo(at("2024-03-01T00:00:00Z"));
        assertThat(BudgetPeriod.MONTHLY.end(at("2024-12-31T23:59:59Z")))
                .isEqualTo(at("2025-01-01T00:00:00Z"));
    }
}
