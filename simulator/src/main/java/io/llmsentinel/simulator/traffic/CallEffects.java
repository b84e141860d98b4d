package io.llmsentinel.simulator.traffic;

import io.llmsentinel.simulator.incident.IncidentType;

/**
 * How active incidents bend one call away from normal. Reset before every call; incidents multiply
 * factors and set overrides; the synthesizer reads them.
 */
public final class CallEffects {
    public double latencyFactor;
    public double ttfcFactor;
    public double inputFactor;
    public double outputFactor;

    /** Error probability to use instead of the base rate; negative for the base rate. */
    public double errorRate;

    /** Share of answers forced to stop at max_tokens. */
    public double forcedLengthShare;

    /** The model version that answers instead of the usual one. */
    public String responseModelOverride;

    public double piiLeakShare;
    public double secretLeakShare;

    /** The user message is an attack (and the answer a refusal or a slip). */
    public boolean attack;

    /** The call is a step of a runaway agent loop: same tool call again, big tool output. */
    public boolean loopStep;

    /** The incident this call belongs to, if any; the first one to claim it wins. */
    public IncidentType incident;

    public CallEffects() {
        reset();
    }

    public void reset() {
        latencyFactor = 1;
        ttfcFactor = 1;
        inputFactor = 1;
        outputFactor = 1;
        errorRate = -1;
        forcedLengthShare = 0;
        responseModelOverride = null;
        piiLeakShare = 0;
        secretLeakShare = 0;
        attack = false;
        loopStep = false;
        incident = null;
    }

    public void claim(IncidentType type) {
        if (incident == null) {
            incident = type;
        }
    }
}
