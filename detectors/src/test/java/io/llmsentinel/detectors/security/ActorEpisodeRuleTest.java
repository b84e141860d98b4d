package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.EpisodeTransition;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The episode both escalation and retry keep: one per actor, resolved after a quiet period. */
class ActorEpisodeRuleTest {
    static final SecuritySettings SETTINGS = SecuritySettings.defaults();
    static final long QUIET = SETTINGS.quietMs();
    static final String KEY = "user:acme:mallory";

    static Stream<ActorEpisodeRule> rules() {
        return Stream.of(new EscalationRule(SETTINGS), new RetryAfterRefusalRule(SETTINGS));
    }

    /** A session in which every attack occurs for both rules: rising scores, a refusal. */
    static SessionTurns primedSession() {
        SessionTurns s = new SessionTurns();
        s.recentScores.add(0.0);
        s.recentScores.add(0.1);
        s.lastRefusalAt = T0;
        return s;
    }

    static TurnSignal attack(String session, long at, double score) {
        return turn("mallory", session, at, score, false);
    }

    static EpisodeTransition occur(ActorEpisodeRule rule, ActorState a, TurnSignal t) {
        return rule.observeTurn(a, primedSession(), t, KEY);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theFirstOccurrenceOpensTheActorsEpisodeInItsOwnSlot(ActorEpisodeRule rule) {
        ActorState a = new ActorState();
        assertThat(occur(rule, a, attack("chat", T0 + MINUTE, 0.8)))
                .isEqualTo(EpisodeTransition.OPENED);

        ActorEpisode e = rule.episode(a);
        assertThat(e.episodeId)
                .isEqualTo(
                        EpisodeIds.of(
                                SecurityAnomalies.DETECTOR, rule.anomalyType(), KEY, T0 + MINUTE));
        assertThat(e.openedAt).isEqualTo(T0 + MINUTE);
        assertThat(e.lastAt).isEqualTo(T0 + MINUTE);
        assertThat(e.occurrences).isEqualTo(1);
        assertThat(e.peakScore).isEqualTo(0.8);
        assertThat(e.sessions).containsExactly("chat");
        assertThat(e.sampleEventIds).containsExactly("e-mallory-" + (T0 + MINUTE));
        assertThat(rule instanceof EscalationRule ? a.retry : a.escalation).isNull();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void laterOccurrencesInAnySessionExtendTheOpenEpisode(ActorEpisodeRule rule) {
        ActorState a = new ActorState();
        occur(rule, a, attack("chat", T0 + MINUTE, 0.8));
        assertThat(occur(rule, a, attack("chat-2", T0 + 3 * MINUTE, 0.95)))
                .isEqualTo(EpisodeTransition.NONE);
        // applied late: extends the episode without moving its end back
        assertThat(occur(rule, a, attack("chat", T0 + 2 * MINUTE, 0.6)))
                .isEqualTo(EpisodeTransition.NONE);

        ActorEpisode e = rule.episode(a);
        assertThat(e.openedAt).isEqualTo(T0 + MINUTE);
        assertThat(e.lastAt).isEqualTo(T0 + 3 * MINUTE);
        assertThat(e.occurrences).isEqualTo(3);
        assertThat(e.peakScore).isEqualTo(0.95);
        assertThat(e.sessions).containsExactly("chat", "chat-2");
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theEpisodeIsOverAQuietPeriodAfterItsLastOccurrence(ActorEpisodeRule rule) {
        ActorState a = new ActorState();
        assertThat(rule.quietBy(a, T0)).isFalse();
        assertThat(rule.deadline(a)).isEqualTo(Long.MAX_VALUE);
        occur(rule, a, attack("chat", T0 + MINUTE, 0.8));
        occur(rule, a, attack("chat", T0 + 4 * MINUTE, 0.8));
        long last = T0 + 4 * MINUTE;

        assertThat(rule.deadline(a)).isEqualTo(last + QUIET);
        assertThat(rule.quietBy(a, last + QUIET - 1)).isFalse();
        assertThat(rule.quietBy(a, last + QUIET)).isTrue();

        rule.end(a);
        assertThat(rule.episode(a)).isNull();
        assertThat(rule.quietBy(a, last + QUIET)).isFalse();
        assertThat(rule.deadline(a)).isEqualTo(Long.MAX_VALUE);
    }
}
