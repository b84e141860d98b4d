package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.EpisodeTransition;
import java.io.Serializable;

/**
 * What escalation and retry after refusal share: one {@link ActorEpisode} per actor, however many
 * sessions it burns through, opened by the first occurrence, extended by every later one and
 * resolved {@code quietMs} after the last. A subclass says which turns are occurrences.
 */
abstract class ActorEpisodeRule implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which episode of the actor a rule keeps: its field of {@link ActorState}, its type. */
    enum Slot {
        ESCALATION(SecurityAnomalies.ATTACK_ESCALATION),
        RETRY(SecurityAnomalies.RETRY_AFTER_REFUSAL);

        final String anomalyType;

        Slot(String anomalyType) {
            this.anomalyType = anomalyType;
        }
    }

    protected final SecuritySettings settings;
    private final Slot slot;

    ActorEpisodeRule(SecuritySettings settings, Slot slot) {
        this.settings = settings;
        this.slot = slot;
    }

    /**
     * Whether turn {@code t} of session {@code s} is an occurrence; it may also update what the
     * session remembers for the rule.
     */
    abstract boolean isOccurrence(SessionTurns s, TurnSignal t);

    /**
     * Applies turn {@code t} of session {@code s}: an occurrence opens the actor's episode or
     * extends the open one.
     *
     * @return OPENED when {@code t} opened the episode, NONE otherwise
     */
    final EpisodeTransition observeTurn(
            ActorState a, SessionTurns s, TurnSignal t, String actorKey) {
        if (!isOccurrence(s, t)) {
            return EpisodeTransition.NONE;
        }
        ActorEpisode e = episode(a);
        if (e != null) {
            e.observe(t);
            return EpisodeTransition.NONE;
        }
        e = new ActorEpisode();
        e.episodeId =
                EpisodeIds.of(SecurityAnomalies.DETECTOR, anomalyType(), actorKey, t.eventTime);
        e.openedAt = t.eventTime;
        e.observe(t);
        setEpisode(a, e);
        return EpisodeTransition.OPENED;
    }

    /** The anomaly type of the episodes (see {@link SecurityAnomalies}). */
    final String anomalyType() {
        return slot.anomalyType;
    }

    /** The actor's open episode of this rule, or null. */
    final ActorEpisode episode(ActorState a) {
        return switch (slot) {
            case ESCALATION -> a.escalation;
            case RETRY -> a.retry;
        };
    }

    private void setEpisode(ActorState a, ActorEpisode e) {
        switch (slot) {
            case ESCALATION -> a.escalation = e;
            case RETRY -> a.retry = e;
        }
    }

    /** Whether the open episode, if any, has been quiet for {@code quietMs} by {@code now}. */
    final boolean quietBy(ActorState a, long now) {
        ActorEpisode e = episode(a);
        return e != null && now - e.lastAt >= settings.quietMs();
    }

    /** Forgets the episode, once its resolved record is out. */
    final void end(ActorState a) {
        setEpisode(a, null);
    }

    /** When {@link #quietBy} can next become true; {@code Long.MAX_VALUE} without an episode. */
    final long deadline(ActorState a) {
        ActorEpisode e = episode(a);
        return e != null ? e.lastAt + settings.quietMs() : Long.MAX_VALUE;
    }
}
