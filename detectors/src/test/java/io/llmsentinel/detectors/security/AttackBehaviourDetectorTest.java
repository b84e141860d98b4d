package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertTimes;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertTimesInOrder;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertValid;
import static io.llmsentinel.detectors.security.SecurityTestRecords.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AttackBehaviourDetectorTest {
    // campaign: 2 attacks in 10 min; escalation: 3 rising turns, +0.3; retry within 5 min;
    // episodes quiet after 10 min; sessions idle after 30 min, at most 2 per actor
    static final SecuritySettings SETTINGS =
            new SecuritySettings(
                    10 * MINUTE, 2, 10 * MINUTE, 3, 0.3, 5 * MINUTE, 30 * MINUTE, 2, 0.9);
    static final String KEY = "user:acme:mallory";

    final AttackBehaviourDetector detector = new AttackBehaviourDetector(SETTINGS);
    final MapSessions sessions = new MapSessions();
    final List<Anomaly> out = new ArrayList<>();
    ActorState actor;

    void send(String session, long at, double score, boolean refused) throws Exception {
        TurnSignal t = turn("mallory", session, at, score, refused);
        if (actor == null) {
            actor = AttackBehaviourDetector.newActor(t);
        }
        detector.observe(KEY, actor, sessions, t, out::add);
    }

    void expire(long now) throws Exception {
        detector.expire(actor, sessions, now, out::add);
    }

    static List<String> typesAndStatus(List<Anomaly> records) {
        return records.stream().map(a -> a.anomalyType + ":" + a.status).toList();
    }

    @Test
    void oneTurnCanOpenAllThreeInAFixedOrderAndTheyResolveInOneToo() throws Exception {
        send("other", T0, 0.9, false);
        send("chat", T0 + MINUTE, 0.2, true);
        send("chat", T0 + 2 * MINUTE, 0.3, true);
        assertThat(out).isEmpty();

        // the second attack, a retry of the refusal before it, and the end of a rise
        send("chat", T0 + 3 * MINUTE, 0.6, false);
        assertThat(typesAndStatus(out))
                .containsExactly(
                        "attack_campaign:open",
                        "retry_after_refusal:open",
                        "attack_escalation:open");
        assertThat(out).allSatisfy(a -> assertThat(a.userId).isEqualTo("mallory"));

        out.clear();
        long quiet = T0 + 3 * MINUTE + 10 * MINUTE;
        assertThat(detector.nextCheck(actor, sessions)).isEqualTo(quiet);
        expire(quiet);
        assertThat(typesAndStatus(out))
                .containsExactly(
                        "attack_campaign:resolved",
                        "attack_escalation:resolved",
                        "retry_after_refusal:resolved");
        assertValid(out);
    }

    @Test
    void aRefusalCountsForTheTurnsAfterItNotForItself() throws Exception {
        send("chat", T0, 0.9, true);
        assertThat(out).isEmpty();
        assertThat(sessions.map.get("chat").lastRefusalAt).isEqualTo(T0);

        send("chat", T0 + MINUTE, 0.9, false);
        assertThat(out)
                .filteredOn(a -> a.anomalyType.equals(SecurityAnomalies.RETRY_AFTER_REFUSAL))
                .singleElement()
                .satisfies(a -> assertThat(a.evidence).containsEntry("ms_since_refusal", "60000"));
    }

    @Test
    void aLateAttackThatCompletesACampaignIsWindowedFromTheEarliestAttack() throws Exception {
        send(null, T0 + 5 * MINUTE, 0.9, false);
        // applied late: happened before the attack already applied
        send(null, T0, 0.8, false);

        assertThat(out)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.anomalyType).isEqualTo(SecurityAnomalies.ATTACK_CAMPAIGN);
                            assertTimes(a, T0, T0 + 5 * MINUTE, T0 + 5 * MINUTE);
                            assertThat(a.summary).contains("2 attacks within 300 s");
                        });
        expire(detector.nextCheck(actor, sessions));
        assertThat(typesAndStatus(out))
                .containsExactly("attack_campaign:open", "attack_campaign:resolved");
        assertTimes(out.get(1), T0, T0 + 5 * MINUTE, T0 + 15 * MINUTE);
        assertValid(out);
        assertTimesInOrder(out);
        assertThat(detector.holdsNothing(actor)).isTrue();
    }

    @Test
    void aLateAttackBeforeARefusalInItsSessionIsNoRetry() throws Exception {
        send("chat", T0 + 2 * MINUTE, 0.2, true);
        // applied late: the attack came before the refusal, so it cannot retry it
        send("chat", T0, 0.9, false);
        assertThat(out).isEmpty();
        assertThat(actor.retry).isNull();

        // an attack after the refusal still is a retry
        send("chat", T0 + 3 * MINUTE, 0.9, false);
        assertThat(out)
                .filteredOn(a -> a.anomalyType.equals(SecurityAnomalies.RETRY_AFTER_REFUSAL))
                .singleElement()
                .satisfies(
                        a -> {
                            assertTimes(a, T0 + 2 * MINUTE, T0 + 3 * MINUTE, T0 + 3 * MINUTE);
                        });
        assertValid(out);
        assertTimesInOrder(out);
    }

    @Test
    void anEpisodeWhoseTimesCameOutOfOrderResolvesInOrderAndIsCounted() throws Exception {
        AtomicInteger inverted = new AtomicInteger();
        detector.countInvertedWindowsIn(inverted::incrementAndGet);
        send("chat", T0, 0.2, true);
        send("chat", T0 + MINUTE, 0.9, false); // a retry
        assertThat(inverted).hasValue(0);
        // as state from a version with a bug could hold it: opened after its last occurrence
        actor.retry.openedAt = actor.retry.lastAt + MINUTE;
        out.clear();

        expire(detector.nextCheck(actor, sessions));
        assertThat(out)
                .filteredOn(a -> a.anomalyType.equals(SecurityAnomalies.RETRY_AFTER_REFUSAL))
                .singleElement()
                .satisfies(a -> assertTimes(a, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 11 * MINUTE));
        assertThat(inverted).hasValue(1);
        assertValid(out);
        assertTimesInOrder(out);
    }

    @Test
    void beyondTheLimitTheLongestIdleSessionIsDropped() throws Exception {
        send("s1", T0, 0.1, false);
        send("s2", T0 + MINUTE, 0.1, false);
        send("s1", T0 + 2 * MINUTE, 0.1, false);
        send("s3", T0 + 3 * MINUTE, 0.1, false);
        assertThat(sessions.map.keySet()).containsExactlyInAnyOrder("s1", "s3");
        assertThat(actor.sessions).isEqualTo(2);
        assertThat(sessions.map.get("s1").turns).isEqualTo(2);
    }

    @Test
    void idleSessionsAreForgottenAndThenTheActorHoldsNothing() throws Exception {
        send("s1", T0, 0.1, false);
        send("s2", T0 + MINUTE, 0.1, false);
        assertThat(detector.nextCheck(actor, sessions)).isEqualTo(T0 + 30 * MINUTE);
        assertThat(detector.holdsNothing(actor)).isFalse();

        expire(T0 + 30 * MINUTE);
        assertThat(sessions.map.keySet()).containsExactly("s2");
        assertThat(actor.sessions).isEqualTo(1);
        assertThat(detector.nextCheck(actor, sessions)).isEqualTo(T0 + 31 * MINUTE);

        expire(T0 + 31 * MINUTE);
        assertThat(sessions.map).isEmpty();
        assertThat(detector.holdsNothing(actor)).isTrue();
        assertThat(out).isEmpty();
    }

    @Test
    void anActorWithNothingToExpireIsCheckedAtItsLastTurn() throws Exception {
        // a turn outside any session, harmless: nothing to wait for
        send(null, T0, 0.1, false);
        assertThat(detector.nextCheck(actor, sessions)).isEqualTo(T0);
        assertThat(detector.holdsNothing(actor)).isTrue();
    }

    @Test
    void attacksTooFewForACampaignKeepTheActorUntilTheWindowHasPassed() throws Exception {
        send(null, T0, 0.9, false);
        assertThat(detector.holdsNothing(actor)).isFalse();
        assertThat(detector.nextCheck(actor, sessions)).isEqualTo(T0 + 10 * MINUTE);
        expire(T0 + 10 * MINUTE);
        assertThat(detector.holdsNothing(actor)).isTrue();
        assertThat(out).isEmpty();
    }

    /** The sessions in a map, as the function keeps them in map state. */
    static final class MapSessions implements ActorSessions {
        final Map<String, SessionTurns> map = new LinkedHashMap<>();

        @Override
        public SessionTurns get(String sessionId) {
            return map.get(sessionId);
        }

        @Override
        public void put(String sessionId, SessionTurns session) {
            map.put(sessionId, session);
        }

        @Override
        public void remove(String sessionId) {
            map.remove(sessionId);
        }

        @Override
        public Iterable<Map.Entry<String, SessionTurns>> entries() {
            return map.entrySet();
        }
    }
}
