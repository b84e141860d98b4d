package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.Evidence;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the records of the attack-behaviour rules: a campaign opened and resolved, an escalation
 * or a retry after refusal opened, and their episodes resolved. The subject is the actor; summaries
 * and evidence hold identifiers and numbers only (counts, scores, rule ids, categories, session and
 * event ids), never the text of a prompt.
 *
 * <p>Every record's times are in order: its window starts no later than it ends, and it is detected
 * no earlier than the window ends. The rules keep them so, late turns included. Should they not (a
 * bug, or state restored from a version that had one), the record still goes out, its times put in
 * order, rather than fail the job on every replay; and it is counted (the operator's {@code
 * invertedWindows}, see {@link #countInvertedWindowsIn}), so the bug does not go unseen.
 */
final class AttackBehaviourRecords implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SecuritySettings settings;

    /** Counts a record whose times came out of order; the operator sets it, nothing until then. */
    private transient Runnable invertedWindows;

    AttackBehaviourRecords(SecuritySettings settings) {
        this.settings = settings;
    }

    /** Where to count records whose times came out of order, once per record. */
    void countInvertedWindowsIn(Runnable counter) {
        this.invertedWindows = counter;
    }

    /**
     * The campaign {@code t} just opened, over the attacks the actor remembers: from the earliest
     * to the latest, detected with the latest ({@code t} may be neither when it is late).
     */
    Anomaly campaignOpened(ActorState a, TurnSignal t) {
        long firstAttackAt = a.campaignOpenedAt;
        long lastAttackAt = CampaignRule.latestRemembered(a);
        Evidence evidence =
                Evidence.create()
                        .number("attacks_in_window", a.recentAttacks.size())
                        .number("window_ms", settings.campaignWindowMs())
                        .number("threshold_attacks", settings.campaignAttempts())
                        .number("max_score", a.campaignMaxScore)
                        .ids("rule_ids", a.campaignRuleIds)
                        .ids(
                                "categories",
                                a.campaignCategories.keySet().stream().sorted().toList());
        AnomalyFactory.Builder b =
                actorRecord(
                                AnomalyFactory.open(
                                        SecurityAnomalies.DETECTOR,
                                        SecurityAnomalies.ATTACK_CAMPAIGN,
                                        a.campaignEpisodeId),
                                a)
                        .severity(Severity.CRITICAL)
                        .score(a.recentAttacks.size())
                        .observedValue(a.recentAttacks.size())
                        .threshold(settings.campaignAttempts())
                        .sessionId(t.sessionId)
                        .summary(
                                "attack campaign: "
                                        + a.recentAttacks.size()
                                        + " attacks within "
                                        + (lastAttackAt - firstAttackAt) / 1000
                                        + " s from "
                                        + who(a))
                        .evidence(evidence)
                        .sampleEventIds(a.campaignSamples);
        return timed(b, firstAttackAt, lastAttackAt, lastAttackAt);
    }

    /** The open campaign, over at {@code now}; build it before the campaign is closed. */
    Anomaly campaignResolved(ActorState a, long now) {
        Evidence evidence =
                Evidence.create()
                        .number("attacks", a.campaignAttacks)
                        .number("sessions", a.campaignSessions.size())
                        .number("max_score", a.campaignMaxScore)
                        .ids("rule_ids", a.campaignRuleIds);
        a.campaignCategories.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(c -> evidence.number("category_" + c.getKey(), c.getValue()));
        AnomalyFactory.Builder b =
                actorRecord(
                                AnomalyFactory.resolved(
                                        SecurityAnomalies.DETECTOR,
                                        SecurityAnomalies.ATTACK_CAMPAIGN,
                                        a.campaignEpisodeId),
                                a)
                        .severity(Severity.CRITICAL)
                        .score(a.campaignAttacks)
                        .observedValue(a.campaignAttacks)
                        .summary(
                                "attack campaign over: "
                                        + a.campaignAttacks
                                        + " attacks in "
                                        + a.campaignSessions.size()
                                        + " session(s) from "
                                        + who(a))
                        .evidence(evidence)
                        .sampleEventIds(a.campaignSamples);
        return timed(b, a.campaignOpenedAt, a.lastAttackAt, now);
    }

    /**
     * The escalation episode {@code t} just opened, ending the rising scores of session {@code s}.
     */
    Anomaly escalationOpened(ActorState a, SessionTurns s, TurnSignal t) {
        Evidence evidence =
                Evidence.create()
                        .number("turns", s.recentScores.size())
                        .number("first_score", s.recentScores.get(0))
                        .number("last_score", t.score)
                        .number("min_rise", settings.escalationMinRise())
                        .id("category", t.category)
                        .ids("rule_ids", t.ruleIds);
        AnomalyFactory.Builder b =
                openedByTurn(SecurityAnomalies.ATTACK_ESCALATION, a.escalation, a, t)
                        .observedValue(t.score - s.recentScores.get(0))
                        .threshold(settings.escalationMinRise())
                        .summary(
                                "attack escalation by "
                                        + who(a)
                                        + " in session "
                                        + t.sessionId
                                        + ": prompt scores rose over "
                                        + s.recentScores.size()
                                        + " turns to "
                                        + String.format(Locale.ROOT, "%.2f", t.score))
                        .evidence(evidence);
        return timed(b, t.eventTime, t.eventTime, t.eventTime);
    }

    /**
     * The retry episode {@code t} just opened. Session {@code s} still holds the refusal before
     * {@code t}: a turn's own refusal is remembered only after the rules have seen it.
     */
    Anomaly retryOpened(ActorState a, SessionTurns s, TurnSignal t) {
        long gapMs = t.eventTime - s.lastRefusalAt;
        Evidence evidence =
                Evidence.create()
                        .number("ms_since_refusal", gapMs)
                        .number("retry_window_ms", settings.retryWindowMs())
                        .number("score", t.score)
                        .id("category", t.category)
                        .ids("rule_ids", t.ruleIds);
        AnomalyFactory.Builder b =
                openedByTurn(SecurityAnomalies.RETRY_AFTER_REFUSAL, a.retry, a, t)
                        .observedValue(gapMs)
                        .threshold(settings.retryWindowMs())
                        .summary(
                                "attack retried by "
                                        + who(a)
                                        + " "
                                        + gapMs / 1000
                                        + " s after a refusal in session "
                                        + t.sessionId)
                        .evidence(evidence);
        return timed(b, s.lastRefusalAt, t.eventTime, t.eventTime);
    }

    /** An escalation or retry episode of type {@code type}, quiet since its last occurrence. */
    Anomaly episodeResolved(ActorState a, ActorEpisode e, String type, long now) {
        Evidence evidence =
                Evidence.create()
                        .number("occurrences", e.occurrences)
                        .number("sessions", e.sessions.size())
                        .number("peak_score", e.peakScore)
                        .number("quiet_ms", settings.quietMs());
        AnomalyFactory.Builder b =
                actorRecord(
                                AnomalyFactory.resolved(
                                        SecurityAnomalies.DETECTOR, type, e.episodeId),
                                a)
                        .severity(Severity.WARNING)
                        .score(e.peakScore)
                        .observedValue(e.occurrences)
                        .summary(
                                type.replace('_', ' ')
                                        + " over: "
                                        + e.occurrences
                                        + " time(s) in "
                                        + e.sessions.size()
                                        + " session(s) by "
                                        + who(a))
                        .evidence(evidence)
                        .sampleEventIds(e.sampleEventIds);
        return timed(b, e.openedAt, e.lastAt, now);
    }

    /**
     * Sets the window and the detection time and builds the record. Times out of order are counted
     * and put in order (the window's bounds swapped, the detection moved to the window's end):
     * {@link AnomalyFactory.Builder#build()} refuses a window that starts after it ends, which
     * would fail the job, and fail it again on every replay of the same input.
     */
    private Anomaly timed(AnomalyFactory.Builder b, long start, long end, long detectedAt) {
        long windowStart = Math.min(start, end);
        long windowEnd = Math.max(start, end);
        long at = Math.max(detectedAt, windowEnd);
        if ((windowStart != start || at != detectedAt) && invertedWindows != null) {
            invertedWindows.run();
        }
        return b.window(windowStart, windowEnd).detectedAt(at).build();
    }

    /** What the records of an escalation or retry opened by turn {@code t} have in common. */
    private static AnomalyFactory.Builder openedByTurn(
            String type, ActorEpisode e, ActorState a, TurnSignal t) {
        return actorRecord(AnomalyFactory.open(SecurityAnomalies.DETECTOR, type, e.episodeId), a)
                .severity(Severity.WARNING)
                .score(t.score)
                .sessionId(t.sessionId)
                .sampleEventIds(e.sampleEventIds);
    }

    private static AnomalyFactory.Builder actorRecord(AnomalyFactory.Builder b, ActorState a) {
        return b.tenantId(a.tenantId).userId(a.userId).serviceName(a.serviceName);
    }

    private static String who(ActorState a) {
        return a.userId != null ? "user " + a.userId : "an anonymous actor of " + a.serviceName;
    }
}
