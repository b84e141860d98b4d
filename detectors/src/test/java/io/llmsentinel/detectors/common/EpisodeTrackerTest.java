package io.llmsentinel.detectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

class EpisodeTrackerTest {
    static final long MINUTE = 60_000;
    static final long T0 = 1_700_000_000_000L;
    static final String SUBJECT = SubjectKeys.of("checkout", "gpt-4o");

    final EpisodeTracker tracker = EpisodeTracker.of("latency", "sustained_tail");

    /** One transition per window; windows are a minute apart from T0. */
    record Step(long windowTime, EpisodeTransition transition, String episodeId) {}

    static List<Step> run(EpisodeTracker tracker, EpisodeState state, String pattern) {
        List<Step> changes = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            long t = T0 + i * MINUTE;
            boolean breached = pattern.charAt(i) == 'B';
            EpisodeTransition tr = tracker.observe(state, SUBJECT, t, breached, breached ? i : 0);
            if (tr != EpisodeTransition.NONE) {
                changes.add(new Step(t, tr, state.episodeId));
            }
        }
        return changes;
    }

    @Test
    void persistentConditionYieldsOneOpenAndOneResolved() {
        EpisodeState state = new EpisodeState();
        List<Step> changes = run(tracker, state, "CCCBBBBBBBBBBCCCCC");

        assertThat(changes)
                .extracting(Step::transition)
                .containsExactly(EpisodeTransition.OPENED, EpisodeTransition.RESOLVED);
        assertThat(changes.get(0).windowTime()).isEqualTo(T0 + 3 * MINUTE);
        // Resolved on the second clear window after the last breach (window 13 and 14).
        assertThat(changes.get(1).windowTime()).isEqualTo(T0 + 14 * MINUTE);
        assertThat(changes.get(1).episodeId()).isEqualTo(changes.get(0).episodeId());
        assertThat(state.open).isFalse();
        assertThat(state.openedAt).isEqualTo(T0 + 3 * MINUTE);
        assertThat(state.clearStartedAt).isEqualTo(T0 + 13 * MINUTE);
        assertThat(state.breachedWindows).isEqualTo(10);
        assertThat(state.peakValue).isEqualTo(12.0);
    }

    @Test
    void flappingAroundTheThresholdYieldsOneEpisode() {
        EpisodeState state = new EpisodeState();
        List<Step> changes = run(tracker, state, "BCBCBCBCBCBCBCBCBCCC");

        assertThat(changes)
                .extracting(Step::transition)
                .containsExactly(EpisodeTransition.OPENED, EpisodeTransition.RESOLVED);
        // The only two consecutive clear windows are 17 and 18.
        assertThat(changes.get(1).windowTime()).isEqualTo(T0 + 18 * MINUTE);
    }

    @Test
    void requiringConsecutiveBreachesIgnoresIsolatedOnes() {
        EpisodeTracker confirmed = tracker.openAfter(3);
        EpisodeState state = new EpisodeState();

        assertThat(run(confirmed, state, "BCBBCBBCBCC")).isEmpty();

        List<Step> changes = run(confirmed, new EpisodeState(), "CBBBCC");
        assertThat(changes)
                .extracting(Step::transition)
                .containsExactly(EpisodeTransition.OPENED, EpisodeTransition.RESOLVED);
        assertThat(changes.get(0).windowTime()).isEqualTo(T0 + 3 * MINUTE);
    }

    @Test
    void breachStartIsKeptWhenOpeningNeedsConfirmation() {
        EpisodeState state = new EpisodeState();
        run(tracker.openAfter(2), state, "CBB");
        assertThat(state.open).isTrue();
        assertThat(state.breachStartedAt).isEqualTo(T0 + MINUTE);
        assertThat(state.openedAt).isEqualTo(T0 + 2 * MINUTE);
        assertThat(state.breachedWindows).isEqualTo(2);
    }

    @Test
    void longerResolutionKeepsOneEpisodeAcrossShortGaps() {
        List<Step> changes = run(tracker.resolveAfter(3), new EpisodeState(), "BBCCBBCCBCCC");
        assertThat(changes)
                .extracting(Step::transition)
                .containsExactly(EpisodeTransition.OPENED, EpisodeTransition.RESOLVED);
    }

    @Test
    void aNewEpisodeAfterResolutionGetsANewId() {
        List<Step> changes = run(tracker, new EpisodeState(), "BBCCBBCC");
        assertThat(changes)
                .extracting(Step::transition)
                .containsExactly(
                        EpisodeTransition.OPENED,
                        EpisodeTransition.RESOLVED,
                        EpisodeTransition.OPENED,
                        EpisodeTransition.RESOLVED);
        assertThat(changes.get(2).episodeId()).isNotEqualTo(changes.get(0).episodeId());
        assertThat(changes.get(3).episodeId()).isEqualTo(changes.get(2).episodeId());
    }

    @Test
    void episodeIdsAreDeterministicSoReplaysProduceIdenticalIds() {
        String pattern = "CBBBCCCBCBBCC";
        List<Step> first = run(tracker, new EpisodeState(), pattern);
        List<Step> replay =
                run(EpisodeTracker.of("latency", "sustained_tail"), new EpisodeState(), pattern);
        assertThat(replay).isEqualTo(first);

        String id = EpisodeIds.of("latency", "sustained_tail", SUBJECT, T0);
        assertThat(id).isEqualTo(EpisodeIds.of("latency", "sustained_tail", SUBJECT, T0));
        assertThat(id).startsWith("latency-").hasSize("latency-".length() + 32);
        assertThat(
                        List.of(
                                EpisodeIds.of("cost", "sustained_tail", SUBJECT, T0),
                                EpisodeIds.of("latency", "error_rate", SUBJECT, T0),
                                EpisodeIds.of("latency", "sustained_tail", SubjectKeys.of("x"), T0),
                                EpisodeIds.of("latency", "sustained_tail", SUBJECT, T0 + 1),
                                EpisodeIds.of("latency", "sustained_tail", null, T0)))
                .doesNotContain(id)
                .doesNotHaveDuplicates();
    }

    @Test
    void episodeIdFieldsCannotBeShiftedIntoEachOther() {
        assertThat(EpisodeIds.of("latency", "a:b", "c", T0))
                .isNotEqualTo(EpisodeIds.of("latency", "a", "b:c", T0));
    }

    @Test
    void anomalyIdStaysWithinTheSchemaLimitForTheLongestDetectorName() {
        String id = EpisodeIds.of("d".repeat(64), "t".repeat(64), "s".repeat(10_000), T0);
        assertThat(AnomalyFactory.anomalyId(id, "resolved").length()).isLessThanOrEqualTo(128);
    }

    @Test
    void repeatedOrOlderWindowsAreIgnored() {
        EpisodeState state = new EpisodeState();
        assertThat(tracker.observe(state, SUBJECT, T0, true, 1))
                .isEqualTo(EpisodeTransition.OPENED);
        assertThat(tracker.observe(state, SUBJECT, T0 + MINUTE, false, 0))
                .isEqualTo(EpisodeTransition.NONE);
        // The same clear window delivered again must not count as the second clear.
        assertThat(tracker.observe(state, SUBJECT, T0 + MINUTE, false, 0))
                .isEqualTo(EpisodeTransition.NONE);
        assertThat(tracker.observe(state, SUBJECT, T0, false, 0)).isEqualTo(EpisodeTransition.NONE);
        assertThat(state.open).isTrue();
        assertThat(tracker.observe(state, SUBJECT, T0 + 2 * MINUTE, false, 0))
                .isEqualTo(EpisodeTransition.RESOLVED);
    }

    @Test
    void peakFollowsTheDirectionInWhichTheValueIsWorse() {
        EpisodeState high = new EpisodeState();
        EpisodeState low = new EpisodeState();
        EpisodeTracker lowerIsWorse = tracker.worseWhen(Direction.LOWER_IS_WORSE);
        double[] values = {5, 9, Double.NaN, 3, 7};
        for (int i = 0; i < values.length; i++) {
            tracker.observe(high, SUBJECT, T0 + i, true, values[i]);
            lowerIsWorse.observe(low, SUBJECT, T0 + i, true, values[i]);
        }
        assertThat(high.peakValue).isEqualTo(9.0);
        assertThat(low.peakValue).isEqualTo(3.0);
    }

    @Test
    void idleStateCanBeForgotten() {
        EpisodeState state = new EpisodeState();
        assertThat(tracker.isIdle(state)).isTrue();
        tracker.observe(state, SUBJECT, T0, true, 1);
        assertThat(tracker.isIdle(state)).isFalse();
        tracker.observe(state, SUBJECT, T0 + 1, false, 0);
        tracker.observe(state, SUBJECT, T0 + 2, false, 0);
        assertThat(tracker.isIdle(state)).isTrue();

        EpisodeState pending = new EpisodeState();
        tracker.openAfter(2).observe(pending, SUBJECT, T0, true, 1);
        assertThat(tracker.isIdle(pending)).isFalse();
    }

    @Test
    void hysteresisMustCountAtLeastOneWindow() {
        assertThatThrownBy(() -> tracker.openAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tracker.resolveAfter(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void episodeStateIsAFlinkPojo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(EpisodeState.class);
    }

    @Test
    void transitionsMapToAnomalyStatuses() {
        assertThat(EpisodeTransition.OPENED.status()).isEqualTo("open");
        assertThat(EpisodeTransition.RESOLVED.status()).isEqualTo("resolved");
        assertThatThrownBy(EpisodeTransition.NONE::status)
                .isInstanceOf(IllegalStateException.class);
    }
}
