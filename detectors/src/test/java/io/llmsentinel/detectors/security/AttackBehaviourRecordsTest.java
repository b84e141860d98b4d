package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertTimes;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertTimesInOrder;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertValid;
import static io.llmsentinel.detectors.security.SecurityTestRecords.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The records put times that came out of order in order, and count them, instead of failing: the
 * rules never hand them such times, but restored state or a future bug might.
 */
class AttackBehaviourRecordsTest {
    static final SecuritySettings SETTINGS = SecuritySettings.defaults();

    final AttackBehaviourRecords records = new AttackBehaviourRecords(SETTINGS);
    final AtomicInteger inverted = new AtomicInteger();

    {
        records.countInvertedWindowsIn(inverted::incrementAndGet);
    }

    static ActorState actorWithCampaign(long openedAt, List<Long> remembered, long lastAttackAt) {
        ActorState a = AttackBehaviourDetector.newActor(turn("mallory", "chat", T0, 0.9, false));
        a.campaignEpisodeId = "campaign-1";
        a.campaignOpenedAt = openedAt;
        a.recentAttacks.addAll(remembered);
        a.lastAttackAt = lastAttackAt;
        a.campaignAttacks = remembered.size();
        return a;
    }

    static ActorEpisode episode(long openedAt, long lastAt) {
        ActorEpisode e = new ActorEpisode();
        e.episodeId = "episode-1";
        e.openedAt = openedAt;
        e.lastAt = lastAt;
        e.occurrences = 2;
        return e;
    }

    @Test
    void timesInOrderAreLeftAsTheyAreAndNotCounted() {
        ActorState a = actorWithCampaign(T0, List.of(T0, T0 + MINUTE), T0 + MINUTE);
        a.retry = episode(T0, T0 + MINUTE);
        SessionTurns s = new SessionTurns();
        s.lastRefusalAt = T0;
        Anomaly opened = records.campaignOpened(a, turn("mallory", "chat", T0, 0.9, false));
        Anomaly retry = records.retryOpened(a, s, turn("mallory", "chat", T0 + MINUTE, 0.9, false));
        Anomaly over = records.episodeResolved(a, a.retry, "retry_after_refusal", T0 + 30 * MINUTE);

        assertTimes(opened, T0, T0 + MINUTE, T0 + MINUTE);
        assertTimes(retry, T0, T0 + MINUTE, T0 + MINUTE);
        assertTimes(over, T0, T0 + MINUTE, T0 + 30 * MINUTE);
        assertThat(inverted).hasValue(0);
    }

    @Test
    void aCampaignOpenedAfterItsLatestAttackIsPutInOrderAndCounted() {
        ActorState a = actorWithCampaign(T0 + 5 * MINUTE, List.of(T0, T0 + MINUTE), T0 + MINUTE);
        Anomaly r = records.campaignOpened(a, turn("mallory", "chat", T0, 0.9, false));
        assertTimes(r, T0 + MINUTE, T0 + 5 * MINUTE, T0 + 5 * MINUTE);
        assertThat(inverted).hasValue(1);
        assertValid(List.of(r));
    }

    @Test
    void aResolvedCampaignOpenedAfterItsLastAttackIsPutInOrderAndCounted() {
        ActorState a = actorWithCampaign(T0 + 5 * MINUTE, List.of(T0), T0);
        Anomaly r = records.campaignResolved(a, T0 + 20 * MINUTE);
        assertTimes(r, T0, T0 + 5 * MINUTE, T0 + 20 * MINUTE);
        assertThat(inverted).hasValue(1);
    }

    @Test
    void aRetryBeforeItsRefusalIsPutInOrderAndCounted() {
        ActorState a = actorWithCampaign(T0, List.of(T0), T0);
        a.retry = episode(T0, T0);
        SessionTurns s = new SessionTurns();
        s.lastRefusalAt = T0 + 2 * MINUTE;
        Anomaly r = records.retryOpened(a, s, turn("mallory", "chat", T0, 0.9, false));
        // detected no earlier than the window ends
        assertTimes(r, T0, T0 + 2 * MINUTE, T0 + 2 * MINUTE);
        assertThat(inverted).hasValue(1);
    }

    @Test
    void anEpisodeOpenedAfterItsLastOccurrenceIsPutInOrderAndCounted() {
        ActorState a = actorWithCampaign(T0, List.of(T0), T0);
        Anomaly r =
                records.episodeResolved(
                        a, episode(T0 + 5 * MINUTE, T0), "attack_escalation", T0 + 20 * MINUTE);
        assertTimes(r, T0, T0 + 5 * MINUTE, T0 + 20 * MINUTE);
        assertThat(inverted).hasValue(1);
    }

    @Test
    void aRecordDetectedBeforeItsWindowEndsIsDetectedAtTheEndAndCounted() {
        ActorState a = actorWithCampaign(T0, List.of(T0), T0);
        Anomaly r =
                records.episodeResolved(
                        a, episode(T0, T0 + 5 * MINUTE), "attack_escalation", T0 + MINUTE);
        assertTimes(r, T0, T0 + 5 * MINUTE, T0 + 5 * MINUTE);
        assertThat(inverted).hasValue(1);
    }

    @Test
    void withoutACounterTimesAreStillPutInOrder() {
        AttackBehaviourRecords uncounted = new AttackBehaviourRecords(SETTINGS);
        ActorState a = actorWithCampaign(T0 + 5 * MINUTE, List.of(T0), T0);
        Anomaly r = uncounted.campaignResolved(a, T0 + 20 * MINUTE);
        assertTimesInOrder(List.of(r));
    }
}
