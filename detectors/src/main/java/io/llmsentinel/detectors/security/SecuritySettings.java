package io.llmsentinel.detectors.security;

import java.io.Serializable;

/**
 * Tunables of the security episode and behaviour rules; the job builds them from its options.
 *
 * @param quietMs a finding episode (one type, one subject) resolves after this long without a new
 *     finding
 * @param campaignAttempts attacks by one actor within {@code campaignWindowMs} that make a campaign
 * @param campaignWindowMs the campaign window; a campaign resolves after this long without attacks
 * @param escalationTurns consecutive turns of a session whose scores must rise
 * @param escalationMinRise how much the score must rise over those turns in total
 * @param retryWindowMs an attack this soon after a refusal in the same session is a retry
 * @param sessionIdleMs a session without turns for this long is forgotten (its episodes resolve)
 * @param maxSessionsPerActor sessions remembered per actor; the longest idle is dropped beyond it
 * @param criticalScore injection findings from this score are critical, warnings below
 */
public record SecuritySettings(
        long quietMs,
        int campaignAttempts,
        long campaignWindowMs,
        int escalationTurns,
        double escalationMinRise,
        long retryWindowMs,
        long sessionIdleMs,
        int maxSessionsPerActor,
        double criticalScore)
        implements Serializable {

    /** The documented defaults; the job's options take theirs from here. */
    public static final SecuritySettings DEFAULTS =
            new SecuritySettings(
                    10 * 60_000L, 5, 10 * 60_000L, 3, 0.3, 5 * 60_000L, 30 * 60_000L, 64, 0.9);

    public SecuritySettings {
        if (quietMs <= 0 || campaignWindowMs <= 0 || retryWindowMs <= 0 || sessionIdleMs <= 0) {
            throw new IllegalArgumentException("durations must be positive");
        }
        if (campaignAttempts < 2 || escalationTurns < 2 || maxSessionsPerActor < 1) {
            throw new IllegalArgumentException(
                    "campaign attempts and escalation turns need at least 2, sessions 1");
        }
    }

    public static SecuritySettings defaults() {
        return DEFAULTS;
    }
}
