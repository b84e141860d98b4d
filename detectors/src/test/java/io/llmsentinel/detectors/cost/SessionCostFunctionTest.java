package io.llmsentinel.detectors.cost;

import static io.llmsentinel.detectors.cost.CostTestEvents.MINUTE;
import static io.llmsentinel.detectors.cost.CostTestEvents.T0;
import static io.llmsentinel.detectors.cost.CostTestEvents.assertValid;
import static io.llmsentinel.detectors.cost.CostTestEvents.call;
import static io.llmsentinel.detectors.cost.CostTestEvents.opened;
import static io.llmsentinel.detectors.cost.CostTestEvents.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionCostFunctionTest {
    static final long IDLE = 15 * MINUTE;
    static final SessionRules RULES =
            new SessionRules(5 * MINUTE, 10, 1_000_000, 2.0, 5, 3.0, 10_000, 50_000, IDLE);

    KeyedOneInputStreamOperatorTestHarness<String, CostCall, Anomaly> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SessionCostFunction(RULES), SessionCostFunction::key, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    void send(CostCall e) throws Exception {
        harness.processElement(e, e.eventTime);
    }

    /** A loop step every 3 s whose input grows by 1,500 tokens a call. */
    static CostCall loopStep(int i) {
        CostCall e = call(T0 + i * 3_000L);
        e.sessionId = "loop-1";
        e.inputTokens = 2_000L + 1_500L * i;
        e.outputTokens = 40L;
        return e;
    }

    @Test
    void anOrdinarySessionRaisesNothing() throws Exception {
        for (int i = 0; i < 8; i++) {
            CostCall e = call(T0 + i * 30_000L);
            e.inputTokens = 1_000L + 800L * i; // grows, but only 7 times
            send(e);
        }
        harness.processWatermark(T0 + 60 * MINUTE);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anAgentLoopOpensOneRunawayAndOneBloatEpisodeThatResolveWhenItGoesIdle() throws Exception {
        for (int i = 0; i < 40; i++) {
            send(loopStep(i));
            harness.processWatermark(T0 + i * 3_000L - 30_000);
        }
        List<Anomaly> during = List.copyOf(harness.extractOutputValues());
        assertThat(opened(during))
                .extracting(a -> a.anomalyType)
                .containsExactlyInAnyOrder(
                        CostAnomalies.RUNAWAY_SESSION, CostAnomalies.INPUT_TOKEN_BLOAT);
        assertThat(resolved(during)).isEmpty();

        Anomaly runaway = byType(during, CostAnomalies.RUNAWAY_SESSION);
        assertThat(runaway.sessionId).isEqualTo("loop-1");
        assertThat(runaway.tenantId).isEqualTo("acme");
        assertThat(runaway.observedValue).isEqualTo(11.0); // the 11th call in 5 min
        assertThat(runaway.detectedAt).isEqualTo(T0 + 10 * 3_000L);
        assertThat(runaway.sampleEventIds).hasSize(5);
        Anomaly bloat = byType(during, CostAnomalies.INPUT_TOKEN_BLOAT);
        // input 11,000 on the 7th call: 6 new maxima, x5.5, above 10,000 tokens
        assertThat(bloat.detectedAt).isEqualTo(T0 + 6 * 3_000L);
        assertThat(bloat.evidence).containsEntry("first_input_tokens", "2000");

        harness.processWatermark(T0 + 39 * 3_000L + IDLE);
        List<Anomaly> all = harness.extractOutputValues();
        assertValid(all);
        assertThat(resolved(all)).hasSize(2);
        assertThat(resolved(all))
                .allSatisfy(r -> assertThat(r.detectedAt).isEqualTo(T0 + 39 * 3_000L + IDLE));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aRunawayThatSlowsDownResolvesWhileTheSessionGoesOn() throws Exception {
        for (int i = 0; i < 15; i++) {
            CostCall e = call(T0 + i * 3_000L);
            send(e);
        }
        // then one call every 2 minutes: the 5-minute window drains below half the limit
        for (int i = 1; i <= 6; i++) {
            send(call(T0 + 45_000L + i * 2 * MINUTE));
        }
        // calls are applied in event-time order once the watermark passes them
        harness.processWatermark(T0 + 45_000L + 12 * MINUTE);
        List<Anomaly> out = harness.extractOutputValues();
        assertThat(opened(out)).hasSize(1);
        assertThat(resolved(out)).hasSize(1);
        assertThat(resolved(out).get(0).episodeId).isEqualTo(opened(out).get(0).episodeId);
    }

    @Test
    void tokenBurnAloneIsARunaway() throws Exception {
        for (int i = 0; i < 3; i++) {
            CostCall e = call(T0 + i * 10_000L);
            e.inputTokens = 400_000L;
            send(e);
        }
        harness.processWatermark(T0 + 20_000L);
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.anomalyType).isEqualTo(CostAnomalies.RUNAWAY_SESSION);
                            assertThat(a.evidence).containsEntry("window_tokens", "1200300");
                        });
    }

    @Test
    void trimmedContextStartsANewGrowthRun() {
        ContextGrowth g = new ContextGrowth();
        long[] inputs = {1000, 2000, 3000, 4000, 1500, 1600};
        for (int i = 0; i < inputs.length; i++) {
            assertThat(g.observe(T0 + i, inputs[i])).isTrue();
        }
        assertThat(g.firstInput).isEqualTo(1500);
        assertThat(g.newMaxima).isEqualTo(1);
    }

    @Test
    void aLateSmallInputDoesNotLookLikeATrim() throws Exception {
        List<CostCall> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            steps.add(loopStep(i));
        }
        // the early steps arrive last, as when their partition is read behind the others
        for (int i = 10; i < 40; i++) {
            send(steps.get(i));
        }
        for (int i = 0; i < 10; i++) {
            send(steps.get(i));
        }
        harness.processWatermark(steps.get(39).eventTime);
        List<Anomaly> out = harness.extractOutputValues();
        assertThat(opened(out))
                .extracting(a -> a.anomalyType)
                .containsExactlyInAnyOrder(
                        CostAnomalies.RUNAWAY_SESSION, CostAnomalies.INPUT_TOKEN_BLOAT);
        assertThat(resolved(out)).isEmpty();
    }

    @Test
    void slidingCountsForgetOldBucketsAndIgnoreTooOldCalls() {
        SlidingCounts c = new SlidingCounts();
        c.add(100, 10);
        c.add(105, 10);
        assertThat(c.totalCalls()).isEqualTo(2);
        c.add(112, 10); // buckets 103..112 remain: 105 and 112
        assertThat(c.totalCalls()).isEqualTo(2);
        assertThat(c.add(102, 10)).isFalse();
        assertThat(c.add(104, 10)).isTrue();
        assertThat(c.totalTokens()).isEqualTo(30);
        c.add(500, 7);
        assertThat(c.totalCalls()).isEqualTo(1);
    }

    @Test
    void conversationsWithoutASessionAreKeyedByConversation() {
        CostCall e = call(T0);
        e.sessionId = null;
        e.conversationId = "conv-9";
        assertThat(SessionCostFunction.accepts(e)).isTrue();
        assertThat(SessionCostFunction.key(e)).contains("conversation").contains("conv-9");
        e.conversationId = null;
        assertThat(SessionCostFunction.accepts(e)).isFalse();
    }

    static Anomaly byType(List<Anomaly> anomalies, String type) {
        return anomalies.stream().filter(a -> a.anomalyType.equals(type)).findFirst().orElseThrow();
    }
}
