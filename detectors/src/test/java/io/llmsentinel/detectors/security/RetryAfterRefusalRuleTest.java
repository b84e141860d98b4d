package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.EpisodeTransition;
import org.junit.jupiter.api.Test;

/** Which turns are retries; the episode they open is {@link ActorEpisodeRuleTest}'s. */
class RetryAfterRefusalRuleTest {
    // retry: an attack (score >= 0.5) within 5 min after a refusal in the same session
    static final long WINDOW = SecuritySettings.defaults().retryWindowMs();

    final RetryAfterRefusalRule rule = new RetryAfterRefusalRule(SecuritySettings.defaults());
    final ActorState actor = new ActorState();
    final SessionTurns refusedAtT0 = new SessionTurns();

    {
        refusedAtT0.lastRefusalAt = T0;
    }

    EpisodeTransition send(SessionTurns s, long at, double score, boolean refused) {
        return rule.observeTurn(actor, s, turn("erin", "chat", at, score, refused), "erin");
    }

    @Test
    void anAttackSoonAfterARefusalOpensTheEpisode() {
        assertThat(send(refusedAtT0, T0 + 2 * MINUTE, 0.8, false))
                .isEqualTo(EpisodeTransition.OPENED);
        assertThat(actor.retry).isNotNull();
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
    void anAttackBeforeTheRefusalIsNoRetry() {
        // applied late, after a refusal that came later: a retry needs the refusal first
        assertThat(send(refusedAtT0, T0 - 1, 0.9, false)).isEqualTo(EpisodeTransition.NONE);
        assertThat(send(refusedAtT0, T0 - 2 * MINUTE, 0.9, false))
                .isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.retry).isNull();
    }

    @Test
    void anAttackAtTheMomentOfTheRefusalIsARetry() {
        // another turn at the same millisecond: a gap of 0 is not negative
        assertThat(send(refusedAtT0, T0, 0.9, false)).isEqualTo(EpisodeTransition.OPENED);
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
}
