package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.EpisodeTransition;
import java.io.Serializable;

/**
 * What escalation and retry after refusal share: one {@link ActorEpisode} per actor, however many
 * sessions it burns through, opened by the first occurrence, extended by every later one and
 * resolved {@code quietMs} after the last. A subclass says what an occurrence is and where the
 * actor keeps its episode.
 */
abstract class ActorEpisodeRule implements Serializable {
    private static final long serialVersionUID = 1L;

    protected final SecuritySettings settings;
    private final String anomalyType;

    ActorEpisodeRule(SecuritySettings settings, String anomalyType) {
        this.settings = settings;
        this.anomalyType = anomalyType;
    }

    /** The anomaly type of the episodes (see {@link SecurityAnomalies}). */
    final String anomalyType() {
        return anomalyType;
    }

    /** The actor's open episode of this rule, or null. */
    abstract ActorEpisode episode(ActorState a);

    abstract void setEpisode(ActorState a, ActorEpisode episode);

    /**
     * Counts occurrence {@code t}: it opens the actor's episode or extends the open one.
     *
     * @return OPENED when {@code t} opened the episode, NONE when it extended it
     */
    final EpisodeTransition occur(ActorState a, TurnSignal t, String actorKey) {
        ActorEpisode e = episode(a);
        if (e != null) {
            e.observe(t);
            return EpisodeTransition.NONE;
        }
        e = new ActorEpisode();
        e.episodeId = EpisodeIds.of(SecurityAnomalies.DETECTOR, anomalyType, actorKey, t.eventTime);
        e.openedAt = t.eventTime;
        e.observe(t);
        setEpisode(a, e);
        return EpisodeTransition.OPENED;
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
