package io.llmsentinel.cep;

import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every pattern's CEP operator must do, on each pattern's typical pair: match inside the
 * window and not at its end, prune a lone partial match once the watermark passes the window with
 * no further event and leave no state behind (Flink CEP has leaked state before: FLINK-19970,
 * FLINK-32701), hand late anomalies to the side output, ignore resolved and correlation records,
 * and match the same way whatever the arrival order.
 */
class PatternLifecycleTest {

    static List<PatternExamples> examples() {
        return PatternExamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aPairWithinTheWindowMatchesOnceAndLeavesNoStateBehind(PatternExamples ex)
            throws Exception {
        Anomaly first = ex.first().apply(T0);
        Anomaly second = ex.second().apply(T0 + MINUTE);
        try (PatternHarness h = PatternHarness.of(ex.pattern())) {
            h.add(first, second).watermark(T0 + MINUTE);

            assertThat(h.matches()).hasSize(1);
            PatternMatch m = h.matches().get(0);
            assertThat(m.pattern).isEqualTo(ex.pattern().name());
            assertThat(m.members).containsExactly(first, second);
            assertThat(m.subjectKey).isEqualTo(ex.pattern().subject().getKey(first));
            assertThat(m.matchedAt).isEqualTo(T0 + MINUTE);
            assertThat(m.matchId).startsWith("match-");
            assertThat(m.title).isNotBlank();
            assertThat(m.rootCause.anomalyId).isIn(first.anomalyId, second.anomalyId);
            assertThat(m.rootCause.reason).isNotBlank();

            h.watermark(T0 + ex.window() + MINUTE);
            assertThat(h.matches()).hasSize(1);
            assertThat(h.keyedStateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theWindowIncludesDelaysShorterThanItButNotEqualToIt(PatternExamples ex) throws Exception {
        try (PatternHarness inside = PatternHarness.of(ex.pattern());
                PatternHarness atTheEnd = PatternHarness.of(ex.pattern())) {
            inside.add(ex.first().apply(T0), ex.second().apply(T0 + ex.window() - 1));
            atTheEnd.add(ex.first().apply(T0), ex.second().apply(T0 + ex.window()));
            inside.watermark(T0 + 2 * ex.window());
            atTheEnd.watermark(T0 + 2 * ex.window());

            assertThat(inside.matches()).hasSize(1);
            assertThat(atTheEnd.matches()).isEmpty();
            assertThat(atTheEnd.keyedStateEntries()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aLonePartialMatchIsPrunedWhenTheWatermarkPassesItsWindowWithNoFurtherEvents(
            PatternExamples ex) throws Exception {
        try (PatternHarness h = PatternHarness.of(ex.pattern())) {
            h.add(ex.first().apply(T0)).watermark(T0 + ex.window() - 1);
            // the partial match is held, waiting for a second member
            assertThat(h.keyedStateEntries()).isPositive();
            assertThat(h.eventTimeTimers()).isPositive();

            h.watermark(T0 + ex.window());

            assertThat(h.matches()).isEmpty();
            assertThat(h.keyedStateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();

            // pruned: a second member right after the window starts nothing with it
            h.add(ex.second().apply(T0 + ex.window() + 1)).watermark(T0 + 3 * ex.window());
            assertThat(h.matches()).isEmpty();
            assertThat(h.keyedStateEntries()).isZero();
            assertThat(h.eventTimeTimers()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void anomaliesBehindTheWatermarkGoToTheLateOutputAndNeverIntoAMatch(PatternExamples ex)
            throws Exception {
        long watermark = T0 + 5 * MINUTE;
        Anomaly late = ex.first().apply(T0 + MINUTE);
        Anomaly atTheWatermark = ex.first().apply(watermark);
        try (PatternHarness h = PatternHarness.of(ex.pattern())) {
            h.watermark(watermark).add(late, atTheWatermark);
            h.add(ex.second().apply(watermark + MINUTE)).watermark(watermark + MINUTE);

            assertThat(h.late()).containsExactly(late, atTheWatermark);
            assertThat(h.matches()).isEmpty();
            // with a late side output CEP no longer counts them: LateAnomalyCounter does
            assertThat(h.counter("numLateRecordsDropped")).isZero();

            h.watermark(watermark + 3 * ex.window());
            assertThat(h.keyedStateEntries()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void resolvedRecordsAndRecordsOfTheCorrelationJobNeitherStartNorCompleteAMatch(
            PatternExamples ex) throws Exception {
        Anomaly first = ex.first().apply(T0 + 2 * MINUTE);
        Anomaly second = ex.second().apply(T0 + 4 * MINUTE);
        try (PatternHarness h = PatternHarness.of(ex.pattern())) {
            h.add(
                    resolved(ex.first().apply(T0 - MINUTE), T0),
                    TestAnomalies.asCorrelationRecord(ex.first().apply(T0)),
                    resolved(ex.second().apply(T0 - MINUTE), T0 + MINUTE),
                    TestAnomalies.asCorrelationRecord(ex.second().apply(T0 + MINUTE)));
            h.watermark(T0 + MINUTE);
            assertThat(h.keyedStateEntries()).as("nothing started").isZero();

            h.add(first, TestAnomalies.asCorrelationRecord(ex.second().apply(T0 + 3 * MINUTE)));
            h.watermark(T0 + 3 * MINUTE);
            assertThat(h.matches()).as("nothing completed").isEmpty();

            h.add(second).watermark(T0 + 4 * MINUTE);
            assertThat(h.matches())
                    .singleElement()
                    .satisfies(m -> assertThat(m.members).containsExactly(first, second));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aBurstOnOneSubjectMakesOneMatch(PatternExamples ex) throws Exception {
        try (PatternHarness h = PatternHarness.of(ex.pattern())) {
            Anomaly first = ex.first().apply(T0);
            Anomaly second = ex.second().apply(T0 + 2 * MINUTE);
            h.add(first, ex.first().apply(T0 + MINUTE), second, ex.second().apply(T0 + 3 * MINUTE));
            h.watermark(T0 + 3 * ex.window());

            assertThat(h.matches())
                    .singleElement()
                    .satisfies(m -> assertThat(m.members).containsExactly(first, second));
            assertThat(h.keyedStateEntries()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void arrivalOrderAndReplaysDoNotChangeTheMatchOrItsId(PatternExamples ex) throws Exception {
        // members of one timestamp too: one call, or one detector evaluation, can open both
        Anomaly first = ex.first().apply(T0);
        Anomaly second = ex.second().apply(T0);
        Anomaly later = ex.second().apply(T0 + MINUTE);
        List<PatternMatch> inOrder = run(ex, first, second, later);
        List<PatternMatch> reversed = run(ex, later, second, first);

        assertThat(inOrder).hasSize(1);
        // at one timestamp the pattern's tie order decides which member is first
        assertThat(inOrder.get(0).members).containsExactlyInAnyOrder(first, second);
        assertThat(reversed).isEqualTo(inOrder);
        assertThat(run(ex, first, second, later)).isEqualTo(inOrder);
    }

    private static List<PatternMatch> run(PatternExamples ex, Anomaly... anomalies)
            throws Exception {
        return PatternHarness.matchesOf(ex.pattern(), anomalies);
    }
}
