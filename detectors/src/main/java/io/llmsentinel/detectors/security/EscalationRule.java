package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.EpisodeTransition;
import java.util.List;

/**
 * Attack escalation, the "crescendo": within a session, the prompt scores of {@code
 * escalationTurns} consecutive turns rise strictly, by {@code escalationMinRise} in total, ending
 * in an attack (harmless questions turning hostile). Each session remembers the scores of its
 * latest {@code escalationTurns} turns; the episode belongs to the actor.
 */
final class EscalationRule extends ActorEpisodeRule {
    private static final long serialVersionUID = 1L;

    EscalationRule(SecuritySettings settings) {
        super(settings, SecurityAnomalies.ATTACK_ESCALATION);
    }

    @Override
    ActorEpisode episode(ActorState a) {
        return a.escalation;
    }

    @Override
    void setEpisode(ActorState a, ActorEpisode episode) {
        a.escalation = episode;
    }

    /**
     * Remembers the score of turn {@code t} in its session {@code s}, and counts the turn as an
     * occurrence if it is an attack ending an escalation.
     *
     * @return OPENED when {@code t} opened the actor's escalation episode, NONE otherwise
     */
    EpisodeTransition observeTurn(ActorState a, SessionTurns s, TurnSignal t, String actorKey) {
        s.recentScores.add(t.score);
        while (s.recentScores.size() > settings.escalationTurns()) {
            s.recentScores.remove(0);
        }
        if (t.attack && escalates(s.recentScores)) {
            return occur(a, t, actorKey);
        }
        return EpisodeTransition.NONE;
    }

    /** Whether {@code scores}, oldest first, are enough turns rising strictly by the minimum. */
    boolean escalates(List<Double> scores) {
        if (scores.size() < settings.escalationTurns()) {
            return false;
        }
        for (int i = 1; i < scores.size(); i++) {
            if (scores.get(i) <= scores.get(i - 1)) {
                return false;
            }
        }
        return scores.get(scores.size() - 1) - scores.get(0) >= settings.escalationMinRise();
    }
}
