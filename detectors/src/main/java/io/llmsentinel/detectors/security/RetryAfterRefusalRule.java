package io.llmsentinel.detectors.security;

/**
 * Retry after refusal: an attack within {@code retryWindowMs} after the model refused in the same
 * session. Each session remembers its last refusal; the episode belongs to the actor.
 *
 * <p>"After" is in event time: the gap from the refusal to the attack must not be negative. A late
 * attack (applied behind the watermark) that happened before the session's last refusal retries
 * nothing, even if an earlier refusal, no longer remembered, came before it.
 */
final class RetryAfterRefusalRule extends ActorEpisodeRule {
    RetryAfterRefusalRule(SecuritySettings settings) {
        super(settings, Slot.RETRY);
    }

    /**
     * Whether {@code t} is an attack soon after the last refusal in its session: no earlier than
     * it, at most {@code retryWindowMs} later. Reads the session only: the caller remembers the
     * turn's own refusal afterwards, so a turn never counts as a retry of itself.
     */
    @Override
    boolean isOccurrence(SessionTurns s, TurnSignal t) {
        if (!t.attack || s.lastRefusalAt == SessionTurns.NONE) {
            return false;
        }
        long gapMs = t.eventTime - s.lastRefusalAt;
        return gapMs >= 0 && gapMs <= settings.retryWindowMs();
    }
}
