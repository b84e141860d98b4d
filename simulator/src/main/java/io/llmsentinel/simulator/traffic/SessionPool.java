package io.llmsentinel.simulator.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The open sessions of one service. A call either opens a new session (while fewer than the target
 * are open) or continues a random open one. With the target set to call rate x turn gap, the calls
 * of one session end up about one turn gap apart.
 */
final class SessionPool {
    static final int MAX_OPEN_SESSIONS = 20_000;

    private final int target;
    private final List<Session> open = new ArrayList<>();

    SessionPool(double callsPerSecond, double turnGapSeconds) {
        this.target =
                (int) Math.max(4, Math.min(MAX_OPEN_SESSIONS, callsPerSecond * turnGapSeconds));
    }

    Session next(SplittableRandom rng, Supplier<Session> newSession) {
        if (open.size() < target) {
            Session s = newSession.get();
            s.poolIndex = open.size();
            open.add(s);
            return s;
        }
        return open.get(rng.nextInt(open.size()));
    }

    /** Closes the session if it has made all its calls. */
    void retireIfFinished(Session s) {
        if (!s.finished() || s.poolIndex < 0) {
            return;
        }
        int last = open.size() - 1;
        Session moved = open.get(last);
        open.set(s.poolIndex, moved);
        moved.poolIndex = s.poolIndex;
        open.remove(last);
        s.poolIndex = -1;
    }
}
