package io.llmsentinel.jobs.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.detectors.cost.BudgetPeriod;
import io.llmsentinel.detectors.cost.SpendScope;
import io.llmsentinel.jobs.config.ConfigUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostConfigTest {
    static final ConfigUnderTest<CostConfig> COST =
            new ConfigUnderTest<>(CostOptions.class, CostConfig::from);

    static Map<String, String> with(String key, String value) {
        Map<String, String> m = new HashMap<>();
        m.put(key, value);
        return m;
    }

    @Test
    void defaultsAreValid() {
        CostConfig c = COST.load(Map.of());
        assertThat(c.groupId()).isEqualTo("llm-sentinel-cost");
        assertThat(c.spend().windowMs()).isEqualTo(600_000);
        assertThat(c.spend().baselineWindows()).isEqualTo(144);
        assertThat(c.spend().warmupWindows()).isEqualTo(12);
        assertThat(c.spend(SpendScope.USER).minDeltaUsd()).isEqualTo(2.0);
        assertThat(c.spend(SpendScope.TENANT).minDeltaUsd()).isEqualTo(1.0);
        assertThat(c.sessions().maxCalls()).isEqualTo(30);
        assertThat(c.finishLength().warmupWindows()).isEqualTo(12);
        assertThat(c.budgets().budgets()).isEmpty();
        assertThat(c.pricing().version()).isEqualTo("2026-12-03");
    }

    @Test
    void budgetsParse() {
        CostConfig c = COST.load(with("cost.budgets", "acme:daily:500;globex:monthly:10000"));
        assertThat(c.budgets().budgets()).hasSize(2);
        assertThat(c.budgets().budgets().get(1).period()).isEqualTo(BudgetPeriod.MONTHLY);
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> COST.load(with("cost.budgets", "acme:weekly:5")))
                .hasMessageContaining("cost.budgets")
                .hasMessageContaining("weekly");
        assertThatThrownBy(() -> COST.load(with("cost.spend.critical-sigma", "2")))
                .hasMessageContaining("cost.spend.critical-sigma");
        assertThatThrownBy(() -> COST.load(with("cost.spend.warm-up", "48 h")))
                .hasMessageContaining("cost.spend.warm-up");
        assertThatThrownBy(() -> COST.load(with("cost.spend.idle-timeout", "10 min")))
                .hasMessageContaining("cost.spend.idle-timeout");
        assertThatThrownBy(() -> COST.load(with("cost.session.idle-timeout", "1 min")))
                .hasMessageContaining("cost.session.idle-timeout");
        assertThatThrownBy(() -> COST.load(with("cost.starting-offsets", "yesterday")))
                .hasMessageContaining("cost.starting-offsets");
        assertThatThrownBy(() -> COST.load(with("cost.budget.critical-share", "0.5")))
                .hasMessageContaining("cost.budget.critical-share");
        assertThatThrownBy(() -> COST.load(with("cost.pricing-file", "/nonexistent.json")))
                .hasMessageContaining("cost.pricing-file");
        assertThatThrownBy(() -> COST.load(with("cost.spend.kk", "4")))
                .hasMessageContaining("cost.spend.kk");
    }

    @Test
    void aPricingFileIsReadAndCheckedAtStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.json");
        Files.writeString(
                file,
                "{\"version\": \"test-1\", \"entries\": [{\"provider\": \"acme\", \"model\": \"m\","
                        + " \"effective_from\": \"2024-01-01\", \"input_usd_per_mtok\": 1,"
                        + " \"output_usd_per_mtok\": 2, \"cached_input_usd_per_mtok\": 0.5}]}");
        assertThat(COST.load(with("cost.pricing-file", file.toString())).pricing().version())
                .isEqualTo("test-1");
        Files.writeString(file, "{\"version\": \"broken\"}");
        assertThatThrownBy(() -> COST.load(with("cost.pricing-file", file.toString())))
                .hasMessageContaining("cost.pricing-file")
                .hasMessageContaining("entries");
    }
}
