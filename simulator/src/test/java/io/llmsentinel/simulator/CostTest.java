package io.llmsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostTest {
    @Test
    void costsMatchThePricingTableAndSomeAreLeftToTheCostJob() {
        List<LlmEvent> events =
                Runs.events(
                                SimulatorConfig.builder()
                                        .seed(3)
                                        .ratePerSecond(50)
                                        .duration(Duration.ofMinutes(10))
                                        .build())
                        .stream()
                        .map(SimulatedEvent::event)
                        .toList();
        long ok = 0;
        long withCost = 0;
        for (LlmEvent e : events) {
            if (e.isError()) {
                assertThat(e.costUsd).as("error events carry no cost").isNull();
                continue;
            }
            ok++;
            long cached = e.usageCacheReadInputTokens == null ? 0 : e.usageCacheReadInputTokens;
            assertThat(cached).isLessThanOrEqualTo(e.usageInputTokens);
            double expected =
                    Runs.PRICING
                            .costUsd(
                                    e.providerName,
                                    e.responseModel,
                                    e.eventTime,
                                    e.usageInputTokens,
                                    e.usageOutputTokens,
                                    cached)
                            .orElseThrow(() -> new AssertionError("no price for " + e));
            if (e.costUsd != null) {
                withCost++;
                assertThat(e.costUsd).isEqualTo(expected);
            }
        }
        double omitted = 1 - withCost / (double) ok;
        assertThat(omitted).isBetween(0.15, 0.25);
    }
}
