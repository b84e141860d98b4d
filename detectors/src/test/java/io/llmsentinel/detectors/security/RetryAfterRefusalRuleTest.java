package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.EpisodeTransition;
import org.junit.jupiter.api.Test;

class RetryAfterRefusalRuleTest {
    // retry: an attack (score >= 0.5) within 5 min after a refusal in the same session
    static final SecuritySettings SETTINGS = SecuritySettings.defaults();
    static final long WINDOW = SETTINGS.retryWindowMs();
    static final String KEY = "user:acme:erin";

    final RetryAfterRefusalRule rule = new RetryAfterRefusalRule(SETTINGS);
    final ActorState actor = new ActorState();
    final SessionTurns refusedAtT0 = refusedAt(T0);

    static SessionTurns refusedAt(long at) {
        SessionTurns s = new SessionTurns();
        s.lastRefusalAt = at;
        return s;
    }

    EpisodeTransition send(SessionTurns s, long at, double score, boolean refused) {
        return rule.observeTurn(actor, s, turn("erin", "chat", at, score, refused), KEY);
    }

    @Test
    void anAttackSoonAfterARefusalOpensTheActorsEpisode() {
        assertThat(send(refusedAtT0, T0 + 2 * MINUTE, 0.8, false))
                .isEqualTo(EpisodeTransition.OPENED);
        ActorEpisode e = actor.retry;
        assertThat(e.episodeId)
                .isEqualTo(
                        EpisodeIds.of(
                                SecurityAnomalies.DETECTOR,
                                SecurityAnomalies.RETRY_AFTER_REFUSAL,
                                KEY,
                                T0 + 2 * MINUTE));
        assertThat(e.openedAt).isEqualTo(T0 + 2 * MINUTE);
        assertThat(e.lastAt).isEqualTo(T0 + 2 * MINUTE);
        assertThat(e.occurrences).isEqualTo(1);
        assertThat(e.peakScore).isEqualTo(0.8);
        assertThat(e.sampleEventIds).containsExactly("e-erin-" + (T0 + 2 * MINUTE));
    }

    @Test
    void theWindowIncludesItsEnd() {
        assertThat(send(refusedAtT0, T0 + WINDOW, 0.8, false)).isEqualTo(EpisodeTransition.OPENED);
    }

    @Test
    void anAttackAfterTheWindowIsNoRetry() {
        assertThat(send(refusedAtT0, T0 + WINDOW + 1, 0.8, false))
                .isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.retry).isNull();
    }

    @Test
    void onlyAttacksRetry() {
        assertThat(send(refusedAtT0, T0 + MINUTE, 0.45, false)).isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.retry).isNull();
    }

    @Test
    void withoutARefusalInTheSessionThereIsNothingToRetry() {
        assertThat(send(new SessionTurns(), T0, 0.99, false)).isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.retry).isNull();
    }

    @Test
    void theTurnsOwnRefusalIsLeftToTheCaller() {
        SessionTurns fresh = new SessionTurns();
        assertThat(send(fresh, T0, 0.9, true)).isEqualTo(EpisodeTransition.NONE);
        assertThat(fresh.lastRefusalAt).isEqualTo(SessionTurns.NONE);
    }

    @Test
    void laterRetriesExtendTheOpenEpisode() {
        send(refusedAtT0, T0 + MINUTE, 0.8, false);
        assertThat(send(refusedAtT0, T0 + 3 * MINUTE, 0.9, false))
                .isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.retry.occurrences).isEqualTo(2);
        assertThat(actor.retry.peakScore).isEqualTo(0.9);
        assertThat(actor.retry.lastAt).isEqualTo(T0 + 3 * MINUTE);
        assertThat(actor.retry.openedAt).isEqualTo(T0 + MINUTE);
    }

    @Test
    void theEpisodeResolvesAQuietPeriodAfterItsLastRetry() {
        send(refusedAtT0, T0 + MINUTE, 0.8, false);
        send(refusedAtT0, T0 + 4 * MINUTE, 0.8, false);
        long last = T0 + 4 * MINUTE;

        assertThat(rule.deadline(actor)).isEqualTo(last + SETTINGS.quietMs());
        assertThat(rule.quietBy(actor, last + SETTINGS.quietMs() - 1)).isFalse();
        assertThat(rule.quietBy(actor, last + SETTINGS.quietMs())).isTrue();
        rule.end(actor);
        assertThat(actor.retry).isNull();
        assertThat(rule.quietBy(actor, last + SETTINGS.quietMs())).isFalse();
        assertThat(rule.deadline(actor)).isEqualTo(Long.MAX_VALUE);
    }
}
