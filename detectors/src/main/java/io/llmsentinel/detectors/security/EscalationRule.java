package io.llmsentinel.detectors.security;

import java.util.List;

/**
 * Attack escalation, the "crescendo": within a session, the prompt scores of {@code
 * escalationTurns} consecutive turns rise strictly, by {@code escalationMinRise} in total, ending
 * in an attack (harmless questions turning hostile). Each session remembers the scores of its
 * latest {@code escalationTurns} turns; the episode belongs to the actor.
 */
final class EscalationRule extends ActorEpisodeRule {
    EscalationRule(SecuritySettings settings) {
        super(settings, Slot.ESCALATION);
    }

    /** Remembers the turn's score in its session; the turn occurs if it ends an escalation. */
    @Override
    boolean isOccurrence(SessionTurns s, TurnSignal t) {
        s.recentScores.add(t.score);
        while (s.recentScores.size() > settings.escalationTurns()) {
            s.recentScores.remove(0);
        }
        return t.attack && escalates(s.recentScores);
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
