package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.EpisodeTransition;

/**
 * Retry after refusal: an attack within {@code retryWindowMs} after the model refused in the same
 * session. Each session remembers its last refusal; the episode belongs to the actor.
 */
final class RetryAfterRefusalRule extends ActorEpisodeRule {
    private static final long serialVersionUID = 1L;

    RetryAfterRefusalRule(SecuritySettings settings) {
        super(settings, SecurityAnomalies.RETRY_AFTER_REFUSAL);
    }

    @Override
    ActorEpisode episode(ActorState a) {
        return a.retry;
    }

    @Override
    void setEpisode(ActorState a, ActorEpisode episode) {
        a.retry = episode;
    }

    /**
     * Counts turn {@code t} as an occurrence if it is an attack soon after the last refusal in its
     * session {@code s}. Reads the session only: the caller remembers the turn's own refusal
     * afterwards, so a turn never counts as a retry of itself.
     *
     * @return OPENED when {@code t} opened the actor's retry episode, NONE otherwise
     */
    EpisodeTransition observeTurn(ActorState a, SessionTurns s, TurnSignal t, String actorKey) {
        if (t.attack
                && s.lastRefusalAt != SessionTurns.NONE
                && t.eventTime - s.lastRefusalAt <= settings.retryWindowMs()) {
            return occur(a, t, actorKey);
        }
        return EpisodeTransition.NONE;
    }
}
