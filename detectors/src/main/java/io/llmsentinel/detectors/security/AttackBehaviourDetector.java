package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.EpisodeTransition;
import io.llmsentinel.schema.Anomaly;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The attack-behaviour decisions for one actor, without Flink: apply a turn to the rules and to the
 * actor's sessions, resolve what went quiet, say when to look again, build the records. {@link
 * AttackBehaviourFunction} keeps the state, applies the turns in event-time order and keeps the
 * timer.
 *
 * <ul>
 *   <li>{@link CampaignRule}: many attacks by the actor within a window;
 *   <li>{@link EscalationRule}: prompt scores rising turn over turn within a session, ending in an
 *       attack;
 *   <li>{@link RetryAfterRefusalRule}: an attack soon after the model refused in the same session.
 * </ul>
 *
 * <p>An actor keeps at most {@code maxSessionsPerActor} sessions (the longest idle is dropped
 * beyond that), and forgets a session {@code sessionIdleMs} after its last turn.
 */
final class AttackBehaviourDetector implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SecuritySettings settings;
    private final CampaignRule campaign;
    private final EscalationRule escalation;
    private final RetryAfterRefusalRule retry;
    private final List<ActorEpisodeRule> episodeRules;
    private final AttackBehaviourRecords records;

    AttackBehaviourDetector(SecuritySettings settings) {
        this.settings = settings;
        this.campaign = new CampaignRule(settings);
        this.escalation = new EscalationRule(settings);
        this.retry = new RetryAfterRefusalRule(settings);
        this.episodeRules = List.of(escalation, retry);
        this.records = new AttackBehaviourRecords(settings);
    }

    /**
     * Where to count records whose times came out of order (see {@link AttackBehaviourRecords}):
     * put in order and sent rather than failing the job, but never expected.
     */
    void countInvertedWindowsIn(Runnable counter) {
        records.countInvertedWindowsIn(counter);
    }

    /** The state of an actor seen for the first time: who it is, nothing remembered yet. */
    static ActorState newActor(TurnSignal t) {
        ActorState a = new ActorState();
        a.tenantId = t.tenantId;
        a.userId = t.userId;
        a.serviceName = t.serviceName;
        return a;
    }

    /**
     * Applies turn {@code t} of the actor {@code actorKey}, passing the records of the episodes it
     * opens to {@code out} as they open: campaign, retry, escalation.
     */
    void observe(
            String actorKey,
            ActorState a,
            ActorSessions sessions,
            TurnSignal t,
            Consumer<Anomaly> out)
            throws Exception {
        a.lastTurnAt = Math.max(a.lastTurnAt, t.eventTime);
        if (t.attack && campaign.observeAttack(a, t, actorKey) == EpisodeTransition.OPENED) {
            out.accept(records.campaignOpened(a, t));
        }
        if (t.sessionId == null) {
            return;
        }
        SessionTurns s = sessionOf(a, sessions, t.sessionId);
        s.turns++;
        if (retry.observeTurn(a, s, t, actorKey) == EpisodeTransition.OPENED) {
            out.accept(records.retryOpened(a, s, t));
        }
        if (escalation.observeTurn(a, s, t, actorKey) == EpisodeTransition.OPENED) {
            out.accept(records.escalationOpened(a, s, t));
        }
        // after the rules: a refusal is what later turns retry after, never the turn itself
        if (t.refused) {
            s.lastRefusalAt = Math.max(s.lastRefusalAt, t.eventTime);
        }
        s.lastTurnAt = Math.max(s.lastTurnAt, t.eventTime);
        sessions.put(t.sessionId, s);
    }

    /** The actor's session {@code sessionId}, or a new one that counts towards the limit. */
    private SessionTurns sessionOf(ActorState a, ActorSessions sessions, String sessionId)
            throws Exception {
        SessionTurns s = sessions.get(sessionId);
        if (s == null) {
            s = new SessionTurns();
            a.sessions++;
            if (a.sessions > settings.maxSessionsPerActor()) {
                dropLongestIdleSession(a, sessions);
            }
        }
        return s;
    }

    /**
     * Resolves what went quiet by {@code now}: the campaign, the episodes (their records to {@code
     * out}: campaign, escalation, retry), idle sessions.
     */
    void expire(ActorState a, ActorSessions sessions, long now, Consumer<Anomaly> out)
            throws Exception {
        if (campaign.quietBy(a, now)) {
            if (a.campaignOpen()) {
                out.accept(records.campaignResolved(a, now));
            }
            campaign.end(a);
        }
        for (ActorEpisodeRule rule : episodeRules) {
            if (rule.quietBy(a, now)) {
                out.accept(records.episodeResolved(a, rule.episode(a), rule.anomalyType(), now));
                rule.end(a);
            }
        }
        List<String> idle = new ArrayList<>();
        for (Map.Entry<String, SessionTurns> e : sessions.entries()) {
            if (now - e.getValue().lastTurnAt >= settings.sessionIdleMs()) {
                idle.add(e.getKey());
            }
        }
        for (String id : idle) {
            sessions.remove(id);
            a.sessions--;
        }
    }

    /** The earliest moment something of the actor can expire: one timer per actor, set there. */
    long nextCheck(ActorState a, ActorSessions sessions) throws Exception {
        long next = campaign.deadline(a);
        for (ActorEpisodeRule rule : episodeRules) {
            next = Math.min(next, rule.deadline(a));
        }
        for (Map.Entry<String, SessionTurns> e : sessions.entries()) {
            next = Math.min(next, e.getValue().lastTurnAt + settings.sessionIdleMs());
        }
        if (next == Long.MAX_VALUE) {
            // nothing can expire: the actor holds no attack and no session
            next = a.lastTurnAt;
        }
        return next;
    }

    /**
     * Whether the actor's state can go: it holds no session, no open episode and no attack inside
     * the campaign window.
     */
    boolean holdsNothing(ActorState a) {
        return a.sessions == 0
                && !a.campaignOpen()
                && a.recentAttacks.isEmpty()
                && a.escalation == null
                && a.retry == null;
    }

    private static void dropLongestIdleSession(ActorState a, ActorSessions sessions)
            throws Exception {
        String oldestId = null;
        long oldestAt = Long.MAX_VALUE;
        for (Map.Entry<String, SessionTurns> e : sessions.entries()) {
            if (e.getValue().lastTurnAt < oldestAt) {
                oldestAt = e.getValue().lastTurnAt;
                oldestId = e.getKey();
            }
        }
        if (oldestId != null) {
            sessions.remove(oldestId);
            a.sessions--;
        }
    }
}
