package io.llmsentinel.detectors.common;

/**
 * Resolves an open episode whose subject went idle before its state is dropped: a subject that
 * stops calling has no more evaluations to clear the episode, and dropping the state silently would
 * leave the episode open downstream forever.
 */
public final class IdleEpisodes {
    private IdleEpisodes() {}

    /**
     * Feeds clear evaluations from {@code time} on until the episode resolves.
     *
     * @return RESOLVED if an episode was open, NONE otherwise
     */
    public static EpisodeTransition resolve(
            EpisodeTracker tracker, EpisodeState state, String subjectKey, long time) {
        if (!state.open) {
            return EpisodeTransition.NONE;
        }
        long at = Math.max(time, state.lastWindowAt + 1);
        EpisodeTransition t = EpisodeTransition.NONE;
        for (int i = 0; i < tracker.clearsToResolve() && t != EpisodeTransition.RESOLVED; i++) {
            t = tracker.observe(state, subjectKey, at + i, false, Double.NaN);
        }
        return t;
    }
}
