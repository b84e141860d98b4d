package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.EpisodeTransition;
import java.io.Serializable;
import java.util.Collections;

/**
 * Attack campaign: {@code campaignAttempts} attacks by one actor within {@code campaignWindowMs}.
 * One episode however long the actor keeps trying: every later attack extends it, and it is over
 * once the actor made no attack for a whole campaign window.
 *
 * <p>The actor remembers only its latest {@code campaignAttempts} attacks, in the order they were
 * applied. In order of event time that is also the order they happened in; a late attack (applied
 * behind the watermark) is remembered last but may have happened first. So the window is measured
 * from the earliest remembered attack to the latest, never from the first applied: the campaign is
 * opened when the remembered attacks span no more than the window, and its record covers that span.
 */
final class CampaignRule implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SecuritySettings settings;

    CampaignRule(SecuritySettings settings) {
        this.settings = settings;
    }

    /**
     * Remembers attack {@code t} of the actor and opens or extends its campaign.
     *
     * @return OPENED when {@code t} completed a campaign, NONE otherwise (also when it extended the
     *     open one)
     */
    EpisodeTransition observeAttack(ActorState a, TurnSignal t, String actorKey) {
        a.lastAttackAt = Math.max(a.lastAttackAt, t.eventTime);
        a.recentAttacks.add(t.eventTime);
        while (a.recentAttacks.size() > settings.campaignAttempts()) {
            a.recentAttacks.remove(0);
        }
        if (a.campaignOpen()) {
            a.absorbIntoCampaign(t);
            return EpisodeTransition.NONE;
        }
        if (a.recentAttacks.size() < settings.campaignAttempts()) {
            return EpisodeTransition.NONE;
        }
        long earliest = earliestRemembered(a);
        long latest = latestRemembered(a);
        if (latest - earliest <= settings.campaignWindowMs()) {
            // named after the attack that ends the window: the one an in-order run opens it with
            a.campaignEpisodeId =
                    EpisodeIds.of(
                            SecurityAnomalies.DETECTOR,
                            SecurityAnomalies.ATTACK_CAMPAIGN,
                            actorKey,
                            latest);
            a.campaignOpenedAt = earliest;
            a.absorbIntoCampaign(t);
            a.campaignAttacks = a.recentAttacks.size();
            return EpisodeTransition.OPENED;
        }
        return EpisodeTransition.NONE;
    }

    /** The event time of the earliest attack the actor remembers; it has at least one. */
    static long earliestRemembered(ActorState a) {
        return Collections.min(a.recentAttacks);
    }

    /**
     * The event time of the latest attack the actor remembers, where the window of a campaign it
     * opens ends; it has at least one.
     */
    static long latestRemembered(ActorState a) {
        return Collections.max(a.recentAttacks);
    }

    /**
     * Whether the actor made no attack for a campaign window by {@code now}: its campaign, if one
     * is open, is over, and its remembered attacks are too old to start one. Then {@link #end}.
     */
    boolean quietBy(ActorState a, long now) {
        return a.lastAttackAt != ActorState.NONE
                && now - a.lastAttackAt >= settings.campaignWindowMs();
    }

    /** Closes the open campaign, if any, and forgets the remembered attacks. */
    void end(ActorState a) {
        if (a.campaignOpen()) {
            a.closeCampaign();
        }
        a.recentAttacks.clear();
    }

    /** When {@link #quietBy} can next become true; {@code Long.MAX_VALUE} if there is nothing. */
    long deadline(ActorState a) {
        if (a.lastAttackAt != ActorState.NONE && (a.campaignOpen() || !a.recentAttacks.isEmpty())) {
            return a.lastAttackAt + settings.campaignWindowMs();
        }
        return Long.MAX_VALUE;
    }
}
