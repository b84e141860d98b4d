package io.llmsentinel.detectors.security;

/**
 * Retry after refusal: an attack within {@code retryWindowMs} after the model refused in the same
 * session. Each session remembers its last refusal; the episode belongs to the actor.
 */
final class RetryAfterRefusalRule extends ActorEpisodeRule {
    RetryAfterRefusalRule(SecuritySettings settings) {
        super(settings, Slot.RETRY);
    }

    /**
     * Whether {@code t} is an attack soon after the last refusal in its session. Reads the session
     * only: the caller remembers the turn's own refusal afterwards, so a turn never counts as a
     * retry of itself.
     */
    @Override
    boolean isOccurrence(SessionTurns s, TurnSignal t) {
        return t.attack
                && s.lastRefusalAt != SessionTurns.NONE
                && t.eventTime - s.lastRefusalAt <= settings.retryWindowMs();
    }
}
