package io.llmsentinel.detectors.security;

import java.util.Map;

/**
 * The sessions of one actor by session id, wherever the caller keeps them: {@link
 * AttackBehaviourFunction} in keyed map state (scoped to the current actor), tests in a map. How
 * many there are is {@link ActorState#sessions}, kept by {@link AttackBehaviourDetector}.
 */
interface ActorSessions {
    /** The session, or null if the actor has none of that id. */
    SessionTurns get(String sessionId) throws Exception;

    void put(String sessionId, SessionTurns session) throws Exception;

    void remove(String sessionId) throws Exception;

    /** Every session of the actor, in the store's order. */
    Iterable<Map.Entry<String, SessionTurns>> entries() throws Exception;
}
