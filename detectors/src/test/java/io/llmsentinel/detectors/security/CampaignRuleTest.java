package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.SECOND;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.EpisodeTransition;
import org.junit.jupiter.api.Test;

class CampaignRuleTest {
    // campaign: 5 attacks within 10 min
    static final SecuritySettings SETTINGS = SecuritySettings.defaults();
    static final long WINDOW = SETTINGS.campaignWindowMs();
    static final String KEY = "user:acme:mallory";

    final CampaignRule rule = new CampaignRule(SETTINGS);
    final ActorState actor = new ActorState();

    EpisodeTransition attack(long at) {
        return attack("s1", at, 0.9);
    }

    EpisodeTransition attack(String session, long at, double score) {
        return rule.observeAttack(actor, turn("mallory", session, at, score, false), KEY);
    }

    /** The id of the actor's campaign opened with the attack at {@code at}. */
    static String campaignOpenedWith(long at) {
        return EpisodeIds.of(
                SecurityAnomalies.DETECTOR, SecurityAnomalies.ATTACK_CAMPAIGN, KEY, at);
    }

    @Test
    void theFifthAttackWithinTheWindowOpensTheCampaignFromTheFirst() {
        for (int i = 0; i < 4; i++) {
            assertThat(attack(T0 + i * MINUTE)).isEqualTo(EpisodeTransition.NONE);
        }
        assertThat(actor.campaignOpen()).isFalse();

        assertThat(attack(T0 + 4 * MINUTE)).isEqualTo(EpisodeTransition.OPENED);
        assertThat(actor.campaignEpisodeId).isEqualTo(campaignOpenedWith(T0 + 4 * MINUTE));
        assertThat(actor.campaignOpenedAt).isEqualTo(T0);
        assertThat(actor.campaignAttacks).isEqualTo(5);
        assertThat(actor.lastAttackAt).isEqualTo(T0 + 4 * MINUTE);
    }

    @Test
    void theWindowIncludesItsEnd() {
        for (int i = 0; i < 4; i++) {
            attack(T0 + i * SECOND);
        }
        assertThat(attack(T0 + WINDOW)).isEqualTo(EpisodeTransition.OPENED);
    }

    @Test
    void attacksSpanningMoreThanTheWindowOpenNothing() {
        for (int i = 0; i < 4; i++) {
            attack(T0 + i * SECOND);
        }
        assertThat(attack(T0 + WINDOW + 1)).isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.campaignOpen()).isFalse();
    }

    @Test
    void onlyTheLatestAttemptsAreRememberedSoSlowAttacksNeverAddUp() {
        for (int i = 0; i < 12; i++) {
            assertThat(attack(T0 + i * 3 * MINUTE)).isEqualTo(EpisodeTransition.NONE);
        }
        assertThat(actor.recentAttacks)
                .containsExactly(
                        T0 + 21 * MINUTE,
                        T0 + 24 * MINUTE,
                        T0 + 27 * MINUTE,
                        T0 + 30 * MINUTE,
                        T0 + 33 * MINUTE);
    }

    @Test
    void aLateAttackThatCompletesTheCampaignOpensItFromTheEarliestRememberedAttack() {
        for (int i = 1; i <= 4; i++) {
            attack(T0 + i * MINUTE);
        }
        // applied last, happened first
        assertThat(attack(T0)).isEqualTo(EpisodeTransition.OPENED);

        assertThat(actor.campaignOpenedAt).isEqualTo(T0);
        // named after the attack that ends the window, as an in-order run names it
        assertThat(actor.campaignEpisodeId).isEqualTo(campaignOpenedWith(T0 + 4 * MINUTE));
        assertThat(actor.lastAttackAt).isEqualTo(T0 + 4 * MINUTE);
    }

    @Test
    void aLateAttackOpensNothingWhenTheRememberedAttacksSpanMoreThanTheWindow() {
        attack(T0 + 5 * MINUTE);
        attack(T0 + 6 * MINUTE);
        attack(T0 + 7 * MINUTE);
        attack(T0 + 11 * MINUTE);
        // T0 .. T0 + 11 min: five attacks, but not within 10 min
        assertThat(attack(T0)).isEqualTo(EpisodeTransition.NONE);
        assertThat(actor.campaignOpen()).isFalse();
    }

    @Test
    void aLateAttackInsideTheSpanCountsLikeAnyOther() {
        attack(T0);
        attack(T0 + MINUTE);
        attack(T0 + 3 * MINUTE);
        attack(T0 + 4 * MINUTE);
        assertThat(attack(T0 + 2 * MINUTE)).isEqualTo(EpisodeTransition.OPENED);
        assertThat(actor.campaignOpenedAt).isEqualTo(T0);
    }

    @Test
    void laterAttacksExtendTheOpenCampaign() {
        for (int i = 0; i < 5; i++) {
            attack("s1", T0 + i * SECOND, 0.6);
        }
        String episode = actor.campaignEpisodeId;

        assertThat(attack("s2", T0 + 9 * MINUTE, 0.95)).isEqualTo(EpisodeTransition.NONE);
        assertThat(attack("s2", T0 + 18 * MINUTE, 0.7)).isEqualTo(EpisodeTransition.NONE);

        assertThat(actor.campaignEpisodeId).isEqualTo(episode);
        assertThat(actor.campaignAttacks).isEqualTo(7);
        assertThat(actor.campaignMaxScore).isEqualTo(0.95);
        assertThat(actor.campaignSessions).containsExactly("s1", "s2");
        assertThat(actor.campaignRuleIds).containsExactly("persona.unrestricted");
        assertThat(actor.campaignCategories).containsEntry("jailbreak", 3L);
        assertThat(actor.recentAttacks).hasSize(SETTINGS.campaignAttempts());
    }

    @Test
    void theCampaignIsOverAfterAWholeWindowWithoutAttacks() {
        for (int i = 0; i < 5; i++) {
            attack(T0 + i * SECOND);
        }
        long last = T0 + 4 * SECOND;
        assertThat(rule.deadline(actor)).isEqualTo(last + WINDOW);
        assertThat(rule.quietBy(actor, last + WINDOW - 1)).isFalse();
        assertThat(rule.quietBy(actor, last + WINDOW)).isTrue();

        rule.end(actor);
        assertThat(actor.campaignOpen()).isFalse();
        assertThat(actor.campaignAttacks).isZero();
        assertThat(actor.campaignSamples).isEmpty();
        assertThat(actor.recentAttacks).isEmpty();
        assertThat(rule.deadline(actor)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void attacksTooFewForACampaignAreForgottenAfterTheWindowToo() {
        attack(T0);
        attack(T0 + MINUTE);
        assertThat(rule.deadline(actor)).isEqualTo(T0 + MINUTE + WINDOW);
        assertThat(rule.quietBy(actor, T0 + MINUTE + WINDOW)).isTrue();

        rule.end(actor);
        assertThat(actor.recentAttacks).isEmpty();
        assertThat(actor.lastAttackAt).isEqualTo(T0 + MINUTE);
        assertThat(rule.deadline(actor)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anActorThatNeverAttackedHasNothingToExpire() {
        assertThat(rule.quietBy(actor, T0)).isFalse();
        assertThat(rule.deadline(actor)).isEqualTo(Long.MAX_VALUE);
    }
}
