package io.llmsentinel.simulator.traffic;

/** Something that changes calls while it is active: an incident, seen from the traffic side. */
public interface CallModifier {
    /** Adjusts the effects of a call of this session at this time, if it applies. */
    void modify(long timeMs, Session session, CallEffects effects);
}
