package io.llmsentinel.detectors.cost;

import static io.llmsentinel.detectors.cost.CostTestEvents.MINUTE;
import static io.llmsentinel.detectors.cost.CostTestEvents.T0;
import static io.llmsentinel.detectors.cost.CostTestEvents.assertValid;
import static io.llmsentinel.detectors.cost.CostTestEvents.costing;
import static io.llmsentinel.detectors.cost.CostTestEvents.opened;
import static io.llmsentinel.detectors.cost.CostTestEvents.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpendSpikeFunctionTest {
    static final long WINDOW = 10 * MINUTE;
    static final long IDLE = 120 * MINUTE;
    static final SpendRule RULE = new SpendRule(WINDOW, 144, 6, 4.0, 8.0, 2.0, 1.0, 3, IDLE);

    KeyedOneInputStreamOperatorTestHarness<String, CostCall, Anomaly> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SpendSpikeFunction(SpendScope.TENANT, RULE),
                        SpendScope.TENANT::key,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** Ten calls spread over window {@code index}, then the watermark closes the window. */
    void window(int index, double costPerCall) throws Exception {
        long start = T0 + index * WINDOW;
        for (int i = 0; i < 10; i++) {
            CostCall e = costing(start + i * MINUTE, costPerCall);
            harness.processElement(e, e.eventTime);
        }
        harness.processWatermark(start + WINDOW);
    }

    /** Normal windows cost $9, $10, $11 in turn. */
    void normalWindows(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            window(i, 1.0 + 0.1 * (i % 3 - 1));
        }
    }

    @Test
    void noAnomalyDuringWarmUpWhateverTheSpend() throws Exception {
        normalWindows(0, 3);
        window(3, 20.0); // $200 against ~$10, but only 3 windows of baseline
        normalWindows(4, 5);
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void aSpikeOpensOneEpisodeThatResolvesAfterTwoClearWindows() throws Exception {
        normalWindows(0, 12);
        assertThat(harness.extractOutputValues()).isEmpty();
        window(12, 5.0);
        window(13, 6.0);
        window(14, 5.0);
        normalWindows(15, 18);

        List<Anomaly> out = harness.extractOutputValues();
        assertValid(out);
        assertThat(opened(out)).hasSize(1);
        assertThat(resolved(out)).hasSize(1);
        Anomaly open = opened(out).get(0);
        assertThat(open.anomalyType).isEqualTo(CostAnomalies.SPEND_SPIKE);
        assertThat(open.tenantId).isEqualTo("acme");
        assertThat(open.windowStart).isEqualTo(T0 + 12 * WINDOW);
        assertThat(open.detectedAt).isEqualTo(T0 + 13 * WINDOW);
        assertThat(open.observedValue).isCloseTo(50.0, within(1e-9));
        assertThat(open.baselineValue).isBetween(9.5, 10.5);
        assertThat(open.severity).isEqualTo(Anomaly.SEVERITY_CRITICAL);
        assertThat(open.evidence)
                .containsKeys("window_spend_usd", "baseline_mean_usd", "threshold_usd", "z_score")
                .containsEntry("window_calls", "10");
        assertThat(open.sampleEventIds).hasSize(5);
        Anomaly done = resolved(out).get(0);
        assertThat(done.episodeId).isEqualTo(open.episodeId);
        // two clear windows (15, 16): resolved at the end of the second
        assertThat(done.detectedAt).isEqualTo(T0 + 17 * WINDOW);
        assertThat(done.severity).isEqualTo(open.severity);
        assertThat(done.evidence).containsEntry("peak_spend_usd", "60");
    }

    @Test
    void anEpisodeResolvesWhenTheTrafficStopsAndTheKeyThenExpires() throws Exception {
        normalWindows(0, 12);
        window(12, 5.0);
        // no more calls: empty windows are evaluated while the episode is open
        harness.processWatermark(T0 + 15 * WINDOW);
        List<Anomaly> out = harness.extractOutputValues();
        assertThat(opened(out)).hasSize(1);
        assertThat(resolved(out)).hasSize(1);
        assertThat(resolved(out).get(0).observedValue).isZero();

        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(T0 + 13 * WINDOW + IDLE + WINDOW);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void idleKeysLoseStateAndTimers() throws Exception {
        normalWindows(0, 3);
        CostCall other = costing(T0 + 2 * WINDOW + MINUTE, 1.0);
        other.tenantId = "globex";
        harness.processElement(other, other.eventTime);
        assertThat(harness.numEventTimeTimers()).isPositive();

        harness.processWatermark(T0 + 3 * WINDOW + IDLE);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void activityPostponesExpiryWithoutAddingTimers() throws Exception {
        for (int i = 0; i < 30; i++) {
            window(i, 1.0);
            // one window timer at most, plus the single expiry timer
            assertThat(harness.numEventTimeTimers()).isLessThanOrEqualTo(2);
        }
        assertThat(harness.numKeyedStateEntries()).isPositive();
    }

    @Test
    void lateEventsDoNotReopenEvaluatedWindows() throws Exception {
        normalWindows(0, 12);
        // a big call for window 5, long evaluated: ignored rather than alerting now
        for (int i = 0; i < 10; i++) {
            CostCall late = costing(T0 + 5 * WINDOW + i, 50.0);
            harness.processElement(late, late.eventTime);
        }
        normalWindows(12, 14);
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void usersAndModelsAreSubjectsToo() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, CostCall, Anomaly> users =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SpendSpikeFunction(SpendScope.USER, RULE),
                        SpendScope.USER::key,
                        Types.STRING);
        for (int w = 0; w < 13; w++) {
            for (int i = 0; i < 10; i++) {
                CostCall e = costing(T0 + w * WINDOW + i * MINUTE, w == 12 ? 5.0 : 1.0);
                users.processElement(e, e.eventTime);
            }
            users.processWatermark(T0 + (w + 1) * WINDOW);
        }
        List<Anomaly> out = users.extractOutputValues();
        users.close();
        assertValid(out);
        assertThat(out)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.tenantId).isEqualTo("acme");
                            assertThat(a.userId).isEqualTo("alice");
                            assertThat(a.evidence).containsEntry("scope", "user");
                        });
        assertThat(SpendScope.MODEL.key(costing(T0, 1)))
                .isEqualTo(SubjectKeys.of("openai", "gpt-4o"));
    }
}
