package io.llmsentinel.detectors.drift;

import static io.llmsentinel.detectors.drift.DriftTraffic.MINUTE;
import static io.llmsentinel.detectors.drift.DriftTraffic.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.latency.KeyDimension;
import io.llmsentinel.detectors.latency.RouteKeySelector;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DriftFunctionTest {
    static final RouteKeySelector KEYS =
            new RouteKeySelector(
                    List.of(KeyDimension.SERVICE, KeyDimension.MODEL, KeyDimension.TEMPLATE));

    KeyedOneInputStreamOperatorTestHarness<String, LlmEvent, Anomaly> harness;

    KeyedOneInputStreamOperatorTestHarness<String, LlmEvent, Anomaly> open(DriftSettings s)
            throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new DriftFunction(s), KEYS, Types.STRING);
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    /** Sends events in order, advancing the watermark every minute of event time. */
    static void replay(
            KeyedOneInputStreamOperatorTestHarness<String, LlmEvent, Anomaly> h,
            List<LlmEvent> events)
            throws Exception {
        long nextWatermark = Long.MIN_VALUE;
        for (LlmEvent e : events) {
            h.processElement(e, e.eventTime);
            if (e.eventTime >= nextWatermark) {
                h.processWatermark(e.eventTime - 1);
                nextWatermark = e.eventTime + MINUTE;
            }
        }
    }

    static List<Anomaly> opened(List<Anomaly> all) {
        return all.stream().filter(a -> a.status.equals(Anomaly.STATUS_OPEN)).toList();
    }

    static void assertValid(List<Anomaly> all) {
        for (Anomaly a : all) {
            String json = Codecs.toJsonString(a);
            assertThat(ContractSchemas.errors(ContractSchemas.ANOMALY, json)).as(json).isEmpty();
        }
    }

    @Test
    void stationaryTrafficIsQuietAndAnIdleKeyLeavesNothingBehind() throws Exception {
        open(DriftSettings.defaults());
        replay(harness, DriftTraffic.calls(1, T0, T0 + 4 * 60 * MINUTE, 1000, DriftTraffic.none()));
        harness.processWatermark(T0 + 8 * 60 * MINUTE);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void longerOutputsOpenOneEpisodeThatResolvesOnceTheReferenceCatchesUp() throws Exception {
        open(DriftSettings.defaults());
        long shiftAt = T0 + 120 * MINUTE;
        replay(
                harness,
                DriftTraffic.calls(
                        2,
                        T0,
                        T0 + 300 * MINUTE,
                        1000,
                        e -> {
                            if (e.eventTime >= shiftAt) {
                                e.usageOutputTokens *= 3;
                            }
                        }));
        List<Anomaly> all = new ArrayList<>(harness.extractOutputValues());
        List<Anomaly> outputDrift =
                all.stream()
                        .filter(a -> "output_tokens".equals(a.evidence.get("feature")))
                        .toList();
        assertThat(opened(all))
                .extracting(a -> a.evidence.get("feature"))
                .containsOnly("output_tokens");
        assertThat(outputDrift).hasSize(2);
        Anomaly open = outputDrift.get(0);
        assertThat(open.anomalyType).isEqualTo(DriftAnomalies.NUMERIC_DRIFT);
        assertThat(open.detectedAt - shiftAt).isBetween(5 * MINUTE, 25 * MINUTE);
        assertThat(open.evidence)
                .containsEntry("reference", "sliding")
                .containsKeys("psi", "p_value", "bh_cutoff", "ks_statistic", "n_current");
        assertThat(Double.parseDouble(open.evidence.get("psi"))).isGreaterThan(0.2);
        assertThat(open.summary)
                .contains("output_tokens drifted", "support-bot", "share of output_tokens in [");
        // the top moved decile bin is the top one, which the longer outputs fill
        assertThat(open.evidence.get("moved_1")).endsWith(":inf");
        assertThat(Double.parseDouble(open.evidence.get("moved_1_current_share")))
                .isGreaterThan(Double.parseDouble(open.evidence.get("moved_1_reference_share")));
        assertThat(outputDrift.get(1).status).isEqualTo(Anomaly.STATUS_RESOLVED);
        assertValid(all);
    }

    @Test
    void aSilentModelSwapIsReportedAsModelSwapWithTheMovedModels() throws Exception {
        open(DriftSettings.defaults());
        long swapAt = T0 + 90 * MINUTE;
        replay(
                harness,
                DriftTraffic.calls(
                        3,
                        T0,
                        T0 + 150 * MINUTE,
                        1000,
                        e -> {
                            if (e.eventTime >= swapAt) {
                                e.responseModel = "gpt-4o-mini-2024-07-18";
                            }
                        }));
        List<Anomaly> swaps =
                opened(harness.extractOutputValues().stream().toList()).stream()
                        .filter(a -> a.anomalyType.equals(DriftAnomalies.MODEL_SWAP))
                        .toList();
        assertThat(swaps)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.evidence).containsEntry("moved_1", "gpt-4o-2024-08-06");
                            assertThat(a.summary).contains("gpt-4o-mini-2024-07-18");
                            assertThat(a.detectedAt - swapAt).isLessThan(20 * MINUTE);
                        });
    }

    /** A unit-ish vector near {@code topic} (one of two orthogonal directions), noisy. */
    static float[] embedding(java.util.SplittableRandom rng, int topic) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.25 * rng.nextGaussian());
        }
        v[topic] += 1f;
        return v;
    }

    @Test
    void embeddingsMovingToAnotherTopicAreEmbeddingDrift() throws Exception {
        open(DriftSettings.defaults());
        long shiftAt = T0 + 90 * MINUTE;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        replay(
                harness,
                DriftTraffic.calls(
                        7,
                        T0,
                        T0 + 150 * MINUTE,
                        2000,
                        e -> {
                            // after the shift, half the traffic is about something else
                            boolean moved = e.eventTime >= shiftAt && rng.nextBoolean();
                            e.embedding = embedding(rng, moved ? 1 : 0);
                        }));
        List<Anomaly> drift =
                opened(harness.extractOutputValues().stream().toList()).stream()
                        .filter(a -> a.anomalyType.equals(DriftAnomalies.EMBEDDING_DRIFT))
                        .toList();
        assertThat(drift)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.evidence)
                                    .containsEntry("statistic", "mean_similarity_drop")
                                    .containsKeys(
                                            "mmd2",
                                            "centroid_cosine_distance",
                                            "current_mean_similarity");
                            assertThat(Double.parseDouble(a.evidence.get("mean_similarity_drop")))
                                    .isGreaterThan(0.15);
                            assertThat(a.detectedAt - shiftAt).isBetween(0L, 20 * MINUTE);
                        });
        assertValid(harness.extractOutputValues().stream().toList());
    }

    @Test
    void aPinnedReferenceKeepsComparingWithTheCaptureAndSurvivesASnapshot() throws Exception {
        DriftSettings defaults = DriftSettings.defaults();
        DriftSettings pinnedSettings =
                new DriftSettings(
                        defaults.sliceMs(),
                        defaults.currentSlices(),
                        defaults.referenceSlices(),
                        ReferenceMode.PINNED,
                        "deploy-1",
                        0,
                        defaults.minSamples(),
                        defaults.minEmbeddings(),
                        defaults.psiWarning(),
                        defaults.psiCritical(),
                        defaults.falseDiscoveryRate(),
                        defaults.windowsToOpen(),
                        defaults.windowsToResolve(),
                        defaults.similarityDrop(),
                        defaults.relativeAccuracy(),
                        defaults.maxCategories(),
                        defaults.reservoirSize());
        open(pinnedSettings);
        replay(harness, DriftTraffic.calls(4, T0, T0 + 120 * MINUTE, 1000, DriftTraffic.none()));
        OperatorSubtaskState snapshot = harness.snapshot(1, T0 + 120 * MINUTE);
        harness.close();

        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DriftFunction(pinnedSettings)),
                        KEYS,
                        Types.STRING);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        long slowAt = T0 + 120 * MINUTE;
        replay(
                harness,
                DriftTraffic.calls(5, slowAt, T0 + 6 * 60 * MINUTE, 1000, e -> e.latencyMs *= 2));
        List<Anomaly> latency =
                harness.extractOutputValues().stream()
                        .filter(a -> "latency_ms".equals(a.evidence.get("feature")))
                        .toList();
        // against a pinned reference the slow-down never becomes the new normal
        assertThat(latency)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.status).isEqualTo(Anomaly.STATUS_OPEN);
                            assertThat(a.evidence).containsEntry("reference", "pinned");
                            assertThat(a.evidence.get("reference_to"))
                                    .isEqualTo(Long.toString(T0 + 60 * MINUTE));
                            assertThat(a.detectedAt - slowAt).isLessThan(25 * MINUTE);
                        });
    }

    @Test
    void lateEventsAreCountedAndStillFeedLaterWindows() throws Exception {
        open(DriftSettings.defaults());
        harness.processWatermark(T0 + 30 * MINUTE);
        LlmEvent late =
                DriftTraffic.calls(
                                6, T0 + 20 * MINUTE, T0 + 20 * MINUTE + 1, 1, DriftTraffic.none())
                        .get(0);
        harness.processElement(late, late.eventTime);
        // still inside the reference horizon: kept in its slice
        assertThat(harness.numKeyedStateEntries()).isPositive();
    }
}
