package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.EpisodeTransition;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationRuleTest {
    // escalation: 3 strictly rising turns, +0.3 in total, the last an attack (score >= 0.5)
    static final SecuritySettings SETTINGS = SecuritySettings.defaults();
    static final String KEY = "user:acme:carol";

    final EscalationRule rule = new EscalationRule(SETTINGS);
    final ActorState actor = new ActorState();
    final SessionTurns chat = new SessionTurns();

    EpisodeTransition send(SessionTurns s, String session, long at, double score) {
        return rule.observeTurn(actor, s, turn("carol", session, at, score, false), KEY);
    }

    @Test
    void scoresRisingStrictlyByTheMinimumOverEnoughTurnsEscalate() {
        assertThat(rule.escalates(List.of(0.1, 0.3, 0.5))).isTrue();
        assertThat(rule.escalates(List.of(0.1, 0.3, 0.3))).as("flat at the end").isFalse();
        assertThat(rule.escalates(List.of(0.3, 0.2, 0.7))).as("falls on the way").isFalse();
        assertThat(rule.escalates(List.of(0.2, 0.3, 0.45))).as("rises by 0.25").isFalse();
        assertThat(rule.escalates(List.of(0.1, 0.9))).as("too few turns").isFalse();
    }

    @Test
    void aRiseOfExactlyTheMinimumEscalates() {
        // binary fractions, so the rise is exactly 0.5
        EscalationRule half =
                new EscalationRule(
                        new SecuritySettings(60_000, 5, 60_000, 3, 0.5, 60_000, 60_000, 8, 0.9));
        assertThat(half.escalates(List.of(0.25, 0.5, 0.75))).isTrue();
        assertThat(half.escalates(List.of(0.25, 0.5, 0.74))).isFalse();
    }

    @Test
    void theAttackEndingARiseOpensTheActorsEpisode() {
        assertThat(send(chat, "chat", T0, 0.05)).isEqualTo(EpisodeTransition.NONE);
        assertThat(send(chat, "chat", T0 + MINUTE, 0.3)).isEqualTo(EpisodeTransition.NONE);
        assertThat(send(chat, "chat", T0 + 2 * MINUTE, 0.55)).isEqualTo(EpisodeTransition.OPENED);

        ActorEpisode e = actor.escalation;
        assertThat(e.episodeId)
                .isEqualTo(
                        EpisodeIds.of(
                                SecurityAnomalies.DETECTOR,
                                SecurityAnomalies.ATTACK_ESCALATION,
                                KEY,
                                T0 + 2 * MINUTE));
        assertThat(e.openedAt).isEqualTo(T0 + 2 * MINUTE);
        assertThat(e.occurrences).isEqualTo(1);
        assertThat(e.sessions).containsExactly("chat");
        assertThat(chat.recentScores).containsExactly(0.05, 0.3, 0.55);
    }

    @Test
    void aRiseEndingInAHarmlessTurnIsNoEscalation() {
        send(chat, "chat", T0, 0.0);
        send(chat, "chat", T0 + MINUTE, 0.2);
        assertThat(send(chat, "chat", T0 + 2 * MINUTE, 0.45)).isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.escalation).isNull();
    }

    @Test
    void onlyTheLatestTurnsCount() {
        send(chat, "chat", T0, 0.9);
        send(chat, "chat", T0 + MINUTE, 0.1);
        send(chat, "chat", T0 + 2 * MINUTE, 0.3);
        assertThat(send(chat, "chat", T0 + 3 * MINUTE, 0.6)).isEqualTo(EpisodeTransition.OPENED);
        assertThat(chat.recentScores).containsExactly(0.1, 0.3, 0.6);
    }

    @Test
    void anotherEscalationInAnotherSessionExtendsTheOpenEpisode() {
        send(chat, "chat", T0, 0.1);
        send(chat, "chat", T0 + MINUTE, 0.4);
        send(chat, "chat", T0 + 2 * MINUTE, 0.7);
        SessionTurns other = new SessionTurns();
        send(other, "chat-2", T0 + 3 * MINUTE, 0.1);
        send(other, "chat-2", T0 + 4 * MINUTE, 0.4);

        assertThat(send(other, "chat-2", T0 + 5 * MINUTE, 0.95)).isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.escalation.occurrences).isEqualTo(2);
        assertThat(actor.escalation.sessions).containsExactly("chat", "chat-2");
        assertThat(actor.escalation.peakScore).isEqualTo(0.95);
        assertThat(actor.escalation.lastAt).isEqualTo(T0 + 5 * MINUTE);
    }

    @Test
    void theEpisodeResolvesAQuietPeriodAfterItsLastOccurrence() {
        assertThat(rule.deadline(actor)).isEqualTo(Long.MAX_VALUE);
        assertThat(rule.quietBy(actor, T0)).isFalse();
        send(chat, "chat", T0, 0.1);
        send(chat, "chat", T0 + MINUTE, 0.4);
        send(chat, "chat", T0 + 2 * MINUTE, 0.7);
        long last = T0 + 2 * MINUTE;

        assertThat(rule.deadline(actor)).isEqualTo(last + SETTINGS.quietMs());
        assertThat(rule.quietBy(actor, last + SETTINGS.quietMs() - 1)).isFalse();
        assertThat(rule.quietBy(actor, last + SETTINGS.quietMs())).isTrue();
        rule.end(actor);
        assertThat(actor.escalation).isNull();
        assertThat(rule.deadline(actor)).isEqualTo(Long.MAX_VALUE);
    }
}
