package io.llmsentinel.detectors.cost;

import static io.llmsentinel.detectors.cost.CostTestEvents.MINUTE;
import static io.llmsentinel.detectors.cost.CostTestEvents.T0;
import static io.llmsentinel.detectors.cost.CostTestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.pricing.PricingTable;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
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

    @Test
    void anUnpricedModelOpensOneEpisodePerModelAndDayResolvedWhenTheDayEnds() throws Exception {
        OneInputStreamOperatorTestHarness<LlmEvent, CostCall> h = harness();
        LlmEvent first = unpriced("openai", "gpt-9-turbo", T0 + 5 * MINUTE);
        h.processElement(first, first.eventTime);
        for (int i = 1; i < 3; i++) {
            LlmEvent e = unpriced("openai", "gpt-9-turbo", T0 + (5 + i) * MINUTE);
            h.processElement(e, e.eventTime);
        }
        LlmEvent other = unpriced("ollama", "llama-5", T0 + 7 * MINUTE);
        h.processElement(other, other.eventTime);
        LlmEvent priced = event(T0 + 8 * MINUTE);
        h.processElement(priced, priced.eventTime);

        List<Anomaly> day1 = sideOutput(h);
        assertThat(day1).hasSize(2).allSatisfy(a -> assertThat(a.status).isEqualTo("open"));
        Anomaly gpt9 = day1.get(0);
        assertThat(gpt9.detector).isEqualTo("cost");
        assertThat(gpt9.anomalyType).isEqualTo(CostAnomalies.UNPRICED_MODEL);
        assertThat(gpt9.severity).isEqualTo("warning");
        assertThat(gpt9.providerName).isEqualTo("openai");
        assertThat(gpt9.model).isEqualTo("gpt-9-turbo");
        assertThat(gpt9.serviceName).as("the subject is the model, not a service").isNull();
        assertThat(gpt9.episodeId).isEqualTo(episodeId("openai", "gpt-9-turbo", T0));
        assertThat(gpt9.anomalyId).isEqualTo(gpt9.episodeId + ":open");
        assertThat(gpt9.windowStart).isEqualTo(T0);
        assertThat(gpt9.windowEnd).isEqualTo(first.eventTime);
        assertThat(gpt9.detectedAt).isEqualTo(first.eventTime);
        assertThat(gpt9.sampleEventIds).containsExactly(first.eventId);
        assertThat(gpt9.evidence)
                .containsEntry("coverage", "unknown_model")
                .containsEntry("pricing_table", PRICER.tableVersion())
                .containsEntry("model", "gpt-9-turbo");
        assertThat(gpt9.summary).contains("gpt-9-turbo").contains("no price");
        assertThat(day1.get(1).model).isEqualTo("llama-5");
        assertThat(day1.get(1).evidence).containsEntry("coverage", "unknown_provider");

        long day2 = T0 + UnpricedModels.DAY_MS;
        LlmEvent nextDay = event(day2 + MINUTE);
        h.processElement(nextDay, nextDay.eventTime);
        List<Anomaly> resolved = sideOutput(h).subList(2, 4);
        assertThat(resolved)
                .extracting(a -> a.status, a -> a.episodeId, a -> a.observedValue)
                .containsExactly(
                        tuple("resolved", gpt9.episodeId, 3.0),
                        tuple("resolved", day1.get(1).episodeId, 1.0));
        assertThat(resolved.get(0).windowStart).isEqualTo(T0);
        assertThat(resolved.get(0).windowEnd).isEqualTo(day2);

        LlmEvent again = unpriced("openai", "gpt-9-turbo", day2 + 2 * MINUTE);
        h.processElement(again, again.eventTime);
        Anomaly secondDay = sideOutput(h).get(4);
        assertThat(secondDay.status).isEqualTo("open");
        assertThat(secondDay.episodeId)
                .isEqualTo(episodeId("openai", "gpt-9-turbo", day2))
                .isNotEqualTo(gpt9.episodeId);

        assertThat(h.extractOutputValues()).as("every call goes on").hasSize(7);
        CostTestEvents.assertValid(sideOutput(h));
        h.close();
    }

    @Test
    void lateCallsOfAResolvedDayOpenNothingAndFailedCallsAreNotPriced() throws Exception {
        OneInputStreamOperatorTestHarness<LlmEvent, CostCall> h = harness();
        LlmEvent tomorrow = event(T0 + UnpricedModels.DAY_MS + MINUTE);
        h.processElement(tomorrow, tomorrow.eventTime);
        LlmEvent late = unpriced("openai", "gpt-9-turbo", T0 + MINUTE);
        h.processElement(late, late.eventTime);
        LlmEvent failed = unpriced("openai", "gpt-10", tomorrow.eventTime);
        failed.usageInputTokens = null;
        failed.usageOutputTokens = null;
        h.processElement(failed, failed.eventTime);

        assertThat(sideOutput(h)).isEmpty();
        h.close();
    }

    @Test
    void openModelDaysSurviveARestore() throws Exception {
        OneInputStreamOperatorTestHarness<LlmEvent, CostCall> h = open(null);
        LlmEvent first = unpriced("openai", "gpt-9-turbo", T0 + MINUTE);
        h.processElement(first, first.eventTime);
        assertThat(sideOutput(h)).hasSize(1);
        OperatorSubtaskState snapshot = h.snapshot(1, T0 + MINUTE);
        h.close();

        OneInputStreamOperatorTestHarness<LlmEvent, CostCall> restored = open(snapshot);
        LlmEvent sameDay = unpriced("openai", "gpt-9-turbo", T0 + 2 * MINUTE);
        restored.processElement(sameDay, sameDay.eventTime);
        assertThat(sideOutput(restored)).as("the model-day is still open").isEmpty();
        LlmEvent nextDay = event(T0 + UnpricedModels.DAY_MS);
        restored.processElement(nextDay, nextDay.eventTime);
        assertThat(sideOutput(restored))
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.status).isEqualTo("resolved");
                            assertThat(a.episodeId)
                                    .isEqualTo(episodeId("openai", "gpt-9-turbo", T0));
                            assertThat(a.observedValue).isEqualTo(2.0);
                        });
        restored.close();
    }

    private static OneInputStreamOperatorTestHarness<LlmEvent, CostCall> open(
            OperatorSubtaskState restoreFrom) throws Exception {
        var h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new PriceEventFunction(PRICER)));
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    private static OneInputStreamOperatorTestHarness<LlmEvent, CostCall> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(new PriceEventFunction(PRICER));
    }

    private static LlmEvent unpriced(String provider, String model, long time) {
        LlmEvent e = event(time);
        e.providerName = provider;
        e.requestModel = model;
        e.responseModel = null;
        return e;
    }

    private static List<Anomaly> sideOutput(
            OneInputStreamOperatorTestHarness<LlmEvent, CostCall> h) {
        var records = h.getSideOutput(PriceEventFunction.UNPRICED_MODELS);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }

    private static String episodeId(String provider, String model, long dayStart) {
        return EpisodeIds.of(
                CostAnomalies.DETECTOR,
                CostAnomalies.UNPRICED_MODEL,
                SubjectKeys.of(provider, model),
                dayStart);
    }
}
