package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.EpisodeTransition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which turns escalate; the episode they open is {@link ActorEpisodeRuleTest}'s. */
class EscalationRuleTest {
    // escalation: 3 strictly rising turns, +0.3 in total, the last an attack (score >= 0.5)
    static final SecuritySettings SETTINGS = SecuritySettings.defaults();

    final EscalationRule rule = new EscalationRule(SETTINGS);
    final ActorState actor = new ActorState();
    final SessionTurns chat = new SessionTurns();

    EpisodeTransition send(long at, double score) {
        return rule.observeTurn(actor, chat, turn("carol", "chat", at, score, false), "carol");
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
    void theAttackEndingARiseOpensTheEpisode() {
        assertThat(send(T0, 0.05)).isEqualTo(EpisodeTransition.NONE);
        assertThat(send(T0 + MINUTE, 0.3)).isEqualTo(EpisodeTransition.NONE);
        assertThat(send(T0 + 2 * MINUTE, 0.55)).isEqualTo(EpisodeTransition.OPENED);
        assertThat(actor.escalation).isNotNull();
        assertThat(chat.recentScores).containsExactly(0.05, 0.3, 0.55);
    }

    @Test
    void aRiseEndingInAHarmlessTurnIsNoEscalation() {
        send(T0, 0.0);
        send(T0 + MINUTE, 0.2);
        assertThat(send(T0 + 2 * MINUTE, 0.45)).isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.escalation).isNull();
    }

    @Test
    void onlyTheLatestTurnsOfTheSessionCount() {
        send(T0, 0.9);
        send(T0 + MINUTE, 0.1);
        send(T0 + 2 * MINUTE, 0.3);
        assertThat(chat.recentScores).containsExactly(0.9, 0.1, 0.3);
        assertThat(send(T0 + 3 * MINUTE, 0.6)).isEqualTo(EpisodeTransition.OPENED);
        assertThat(chat.recentScores).containsExactly(0.1, 0.3, 0.6);
    }

    @Test
    void everyTurnIsRememberedEvenWhileAnEpisodeIsOpen() {
        send(T0, 0.1);
        send(T0 + MINUTE, 0.4);
        send(T0 + 2 * MINUTE, 0.7);
        assertThat(send(T0 + 3 * MINUTE, 0.2)).isEqualTo(EpisodeTransition.NONE);
        assertThat(chat.recentScores).containsExactly(0.4, 0.7, 0.2);
        assertThat(actor.escalation.occurrences).isEqualTo(1);
    }
}
