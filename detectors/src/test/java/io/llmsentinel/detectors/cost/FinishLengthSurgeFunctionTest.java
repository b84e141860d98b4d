package io.llmsentinel.detectors.cost;

import static io.llmsentinel.detectors.cost.CostTestEvents.MINUTE;
import static io.llmsentinel.detectors.cost.CostTestEvents.T0;
import static io.llmsentinel.detectors.cost.CostTestEvents.assertValid;
import static io.llmsentinel.detectors.cost.CostTestEvents.call;
import static io.llmsentinel.detectors.cost.CostTestEvents.event;
import static io.llmsentinel.detectors.cost.CostTestEvents.opened;
import static io.llmsentinel.detectors.cost.CostTestEvents.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FinishLengthSurgeFunctionTest {
    static final long WINDOW = 10 * MINUTE;
    static final long IDLE = 120 * MINUTE;
    static final FinishLengthRule RULE =
            new FinishLengthRule(WINDOW, 144, 3, 30, 2.0, 0.05, 1e-4, 0.25, IDLE);

    KeyedOneInputStreamOperatorTestHarness<String, CostCall, Anomaly> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new FinishLengthSurgeFunction(RULE),
                        FinishLengthSurgeFunction::key,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** {@code calls} answers in window {@code index}, {@code truncated} of them cut off. */
    void window(int index, int calls, int truncated) throws Exception {
        long start = T0 + index * WINDOW;
        for (int i = 0; i < calls; i++) {
            CostCall e = call(start + i * (WINDOW / calls));
            e.truncated = i < truncated;
            harness.processElement(e, e.eventTime);
        }
        harness.processWatermark(start + WINDOW);
    }

    @Test
    void noAlertDuringWarmUp() throws Exception {
        window(0, 100, 1);
        window(1, 100, 40);
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void twoOfThreeIsNotASurgeButThirtyOfAHundredIs() throws Exception {
        for (int i = 0; i < 5; i++) {
            window(i, 100, 1);
        }
        window(5, 3, 2);
        assertThat(harness.extractOutputValues()).isEmpty();
        window(6, 100, 30);
        window(7, 100, 35);
        window(8, 100, 1);
        window(9, 100, 2);

        List<Anomaly> out = harness.extractOutputValues();
        assertValid(out);
        assertThat(opened(out)).hasSize(1);
        assertThat(resolved(out)).hasSize(1);
        Anomaly open = opened(out).get(0);
        assertThat(open.anomalyType).isEqualTo(CostAnomalies.FINISH_LENGTH_SURGE);
        assertThat(open.model).isEqualTo("gpt-4o");
        assertThat(open.providerName).isEqualTo("openai");
        assertThat(open.observedValue).isEqualTo(0.3);
        assertThat(open.severity).isEqualTo(Anomaly.SEVERITY_CRITICAL);
        assertThat(open.confidence).isGreaterThan(0.9999);
        assertThat(open.sampleEventIds).hasSize(5);
        assertThat(resolved(out).get(0).detectedAt).isEqualTo(T0 + 10 * WINDOW);
    }

    @Test
    void aSmallButSignificantDriftOnABusyModelIsNotASurge() throws Exception {
        for (int i = 0; i < 5; i++) {
            window(i, 2000, 20); // 1%
        }
        window(5, 2000, 70); // 3.5%: very significant, but under 1% + 5 points
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void idleModelsLoseStateAndTimers() throws Exception {
        for (int i = 0; i < 4; i++) {
            window(i, 50, 1);
        }
        harness.processWatermark(T0 + 4 * WINDOW + IDLE);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void answersWithoutAFinishReasonAreNotCounted() {
        LlmEvent failed = event(T0);
        failed.responseFinishReasons = null;
        assertThat(FinishLengthSurgeFunction.accepts(CostCall.of(failed))).isFalse();
        LlmEvent anthropic = event(T0);
        anthropic.responseFinishReasons = List.of("max_tokens");
        assertThat(CostCall.of(anthropic).truncated).isTrue();
    }
}
