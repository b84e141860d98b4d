package io.llmsentinel.detectors.cost;

import static io.llmsentinel.detectors.cost.CostTestEvents.T0;
import static io.llmsentinel.detectors.cost.CostTestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.pricing.PricingTable;
import java.util.List;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class PriceEventFunctionTest {
    static final EventPricer PRICER = new EventPricer(PricingTable.loadDefault());

    @Test
    void pricesFromTheTableByTheAnsweringModelAndKeepsProducerCosts() {
        LlmEvent e = event(T0);
        e.usageInputTokens = 1_000_000L;
        e.usageOutputTokens = 100_000L;
        e.usageCacheReadInputTokens = 200_000L;
        assertThat(PRICER.price(e)).isEqualTo(EventPricer.Outcome.PRICED);
        // gpt-4o from 2024-10-01: 800k x 2.5 + 200k x 1.25 + 100k x 10 per million
        assertThat(e.costUsd).isCloseTo(2.0 + 0.25 + 1.0, within(1e-9));

        LlmEvent sent = event(T0);
        sent.costUsd = 0.42;
        assertThat(PRICER.price(sent)).isEqualTo(EventPricer.Outcome.KEPT);
        assertThat(sent.costUsd).isEqualTo(0.42);

        LlmEvent failed = event(T0);
        failed.usageInputTokens = null;
        failed.usageOutputTokens = null;
        assertThat(PRICER.price(failed)).isEqualTo(EventPricer.Outcome.NO_USAGE);
        assertThat(failed.costUsd).isNull();
    }

    @Test
    void unknownModelsPassWithoutCostAndAreReportedOncePerModel() throws Exception {
        PriceEventFunction fn = new PriceEventFunction(PRICER);
        OneInputStreamOperatorTestHarness<LlmEvent, CostCall> h =
                ProcessFunctionTestHarnesses.forProcessFunction(fn);
        for (int i = 0; i < 5; i++) {
            LlmEvent e = event(T0 + i);
            e.responseModel = null;
            e.requestModel = i < 3 ? "gpt-9-turbo" : "llama-5";
            h.processElement(e, e.eventTime);
        }
        h.processElement(event(T0 + 10), T0 + 10);
        List<CostCall> out = h.extractOutputValues();
        assertThat(out).hasSize(6);
        assertThat(out.subList(0, 5)).allSatisfy(e -> assertThat(e.costUsd).isNull());
        assertThat(out.get(5).costUsd).isPositive();
        assertThat(fn.reportedModels()).isEqualTo(2);
        h.close();
    }
}
