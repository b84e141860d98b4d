package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.SECOND;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertTimes;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertTimesInOrder;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertValid;
import static io.llmsentinel.detectors.security.SecurityTestRecords.opened;
import static io.llmsentinel.detectors.security.SecurityTestRecords.resolved;
import static io.llmsentinel.detectors.security.SecurityTestRecords.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttackBehaviourFunctionTest {
    // campaign: 5 attacks in 10 min; escalation: 3 rising turns, +0.3; retry within 5 min;
    // sessions idle after 30 min
    static final SecuritySettings SETTINGS = SecuritySettings.defaults();

    /** The operator's metrics by their scope within the operator, e.g. "sentinel.lateEvents". */
    final Map<String, Counter> counters = new ConcurrentHashMap<>();

    MockEnvironment environment;
    KeyedOneInputStreamOperatorTestHarness<String, TurnSignal, Anomaly> harness;

    @BeforeEach
    void open() throws Exception {
        TestingMetricRegistry registry =
                TestingMetricRegistry.builder()
                        .setDelimiter('.')
                        .setRegisterConsumer(
                                (metric, name, group) -> {
                                    String[] scope = group.getScopeComponents();
                                    if (metric instanceof Counter c && scope.length > 0) {
                                        counters.put(scope[scope.length - 1] + "." + name, c);
                                    }
                                })
                        .build();
        environment =
                new MockEnvironmentBuilder()
                        .setMetricGroup(
                                TaskManagerMetricGroup.createTaskManagerMetricGroup(
                                                registry, "localhost", ResourceID.generate())
                                        .addJob(new JobID(), "security")
                                        .addTask(ExecutionAttemptID.randomId(), "behaviour"))
                        .build();
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new AttackBehaviourFunction(SETTINGS)),
                        t -> t.actorKey,
                        Types.STRING,
                        environment);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
        environment.close();
    }

    long count(String metric) {
        assertThat(counters).as("metrics of the operator").containsKey("sentinel." + metric);
        return counters.get("sentinel." + metric).getCount();
    }

    void send(TurnSignal t) throws Exception {
        harness.processElement(t, t.eventTime);
    }

    List<Anomaly> output() {
        return List.copyOf(harness.extractOutputValues());
    }

    void assertAllStateAndTimersGone() {
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /**
     * Lets everything resolve and returns all records: every one valid, its times in order; so many
     * late turns and records with times out of order counted; no state or timer left.
     */
    List<Anomaly> runToTheEnd(long lateTurns, long invertedWindows) throws Exception {
        harness.processWatermark(T0 + 2 * 60 * MINUTE);
        List<Anomaly> all = output();
        assertValid(all);
        assertTimesInOrder(all);
        assertThat(count("lateEvents")).isEqualTo(lateTurns);
        assertThat(count("invertedWindows")).isEqualTo(invertedWindows);
        assertAllStateAndTimersGone();
        return all;
    }

    @Test
    void benignTurnsRaiseNothingAndLeaveNoState() throws Exception {
        for (int i = 0; i < 20; i++) {
            send(turn("alice", "s1", T0 + i * 30 * SECOND, 0.02 * (i % 5), i % 7 == 0));
        }
        harness.processWatermark(T0 + 3 * 60 * MINUTE);
        assertThat(output()).isEmpty();
        assertAllStateAndTimersGone();
    }

    @Test
    void fiveAttacksWithinTenMinutesOpenOneCampaignThatResolvesAfterAQuietWindow()
            throws Exception {
        for (int i = 0; i < 25; i++) {
            // a new chat every 6 attempts, as attackers do when stuck on refusals
            send(turn("mallory", "s" + i / 6, T0 + i * 15 * SECOND, 0.9, false));
        }
        harness.processWatermark(T0 + 20 * MINUTE);
        List<Anomaly> during = output();
        List<Anomaly> campaigns = opened(during, SecurityAnomalies.ATTACK_CAMPAIGN);
        assertThat(campaigns).hasSize(1);
        Anomaly open = campaigns.get(0);
        assertThat(open.detectedAt).isEqualTo(T0 + 4 * 15 * SECOND);
        assertThat(open.windowStart).isEqualTo(T0);
        assertThat(open.evidence).containsEntry("attacks_in_window", "5");
        assertThat(open.userId).isEqualTo("mallory");

        harness.processWatermark(T0 + 2 * 60 * MINUTE);
        List<Anomaly> all = output();
        List<Anomaly> done = resolved(all, SecurityAnomalies.ATTACK_CAMPAIGN);
        assertThat(done)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.episodeId).isEqualTo(open.episodeId);
                            assertThat(a.evidence)
                                    .containsEntry("attacks", "25")
                                    .containsEntry("sessions", "5");
                        });
        assertValid(all);
        assertAllStateAndTimersGone();
    }

    @Test
    void attacksSpreadWiderThanTheWindowAreNoCampaign() throws Exception {
        for (int i = 0; i < 10; i++) {
            send(turn("bob", "s" + i, T0 + i * 3 * MINUTE, 0.9, false));
        }
        harness.processWatermark(T0 + 3 * 60 * MINUTE);
        assertThat(opened(output(), SecurityAnomalies.ATTACK_CAMPAIGN)).isEmpty();
        assertAllStateAndTimersGone();
    }

    @Test
    void risingScoresEndingInAnAttackAreAnEscalation() throws Exception {
        send(turn("carol", "chat", T0, 0.05, false));
        send(turn("carol", "chat", T0 + MINUTE, 0.3, false));
        send(turn("carol", "chat", T0 + 2 * MINUTE, 0.55, false));
        send(turn("carol", "chat", T0 + 3 * MINUTE, 0.8, false));
        // the same again in a new chat: the same episode
        send(turn("carol", "chat-2", T0 + 4 * MINUTE, 0.1, false));
        send(turn("carol", "chat-2", T0 + 5 * MINUTE, 0.4, false));
        send(turn("carol", "chat-2", T0 + 6 * MINUTE, 0.9, false));
        harness.processWatermark(T0 + 7 * MINUTE);
        List<Anomaly> esc = opened(output(), SecurityAnomalies.ATTACK_ESCALATION);
        assertThat(esc)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.sessionId).isEqualTo("chat");
                            assertThat(a.detectedAt).isEqualTo(T0 + 2 * MINUTE);
                        });
        harness.processWatermark(T0 + 60 * MINUTE);
        assertThat(resolved(output(), SecurityAnomalies.ATTACK_ESCALATION))
                .singleElement()
                .satisfies(a -> assertThat(a.evidence).containsEntry("sessions", "2"));
        assertAllStateAndTimersGone();
    }

    @Test
    void flatOrFallingScoresAreNoEscalation() throws Exception {
        send(turn("dave", "chat", T0, 0.9, false));
        send(turn("dave", "chat", T0 + MINUTE, 0.7, false));
        send(turn("dave", "chat", T0 + 2 * MINUTE, 0.8, false));
        send(turn("dave", "chat", T0 + 3 * MINUTE, 0.8, false));
        harness.processWatermark(T0 + 60 * MINUTE);
        assertThat(opened(output(), SecurityAnomalies.ATTACK_ESCALATION)).isEmpty();
    }

    @Test
    void anAttackSoonAfterARefusalIsARetryButNotAfterTheWindow() throws Exception {
        send(turn("erin", "chat", T0, 0.9, true)); // refused
        send(turn("erin", "chat", T0 + 2 * MINUTE, 0.8, false)); // retried: opens
        send(turn("erin", "chat", T0 + 3 * MINUTE, 0.85, false)); // same episode
        send(turn("frank", "other", T0, 0.9, true));
        send(turn("frank", "other", T0 + 8 * MINUTE, 0.9, false)); // too late
        harness.processWatermark(T0 + 10 * MINUTE);
        List<Anomaly> retries = opened(output(), SecurityAnomalies.RETRY_AFTER_REFUSAL);
        assertThat(retries)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.userId).isEqualTo("erin");
                            assertThat(a.observedValue).isEqualTo(2.0 * MINUTE);
                        });
        harness.processWatermark(T0 + 2 * 60 * MINUTE);
        List<Anomaly> all = output();
        assertThat(resolved(all, SecurityAnomalies.RETRY_AFTER_REFUSAL))
                .singleElement()
                .satisfies(a -> assertThat(a.evidence).containsEntry("occurrences", "2"));
        assertValid(all);
        assertAllStateAndTimersGone();
    }

    @Test
    void aLateAttackThatCompletesACampaignOpensItFromTheEarliestAttack() throws Exception {
        for (int i = 1; i <= 4; i++) {
            send(turn("mallory", "s1", T0 + i * MINUTE, 0.9, false));
        }
        harness.processWatermark(T0 + 5 * MINUTE);
        assertThat(output()).isEmpty();

        // behind the watermark: applied at once, the fifth attack, and the earliest
        send(turn("mallory", "s1", T0, 0.8, false));
        assertThat(opened(output(), SecurityAnomalies.ATTACK_CAMPAIGN))
                .singleElement()
                .satisfies(
                        a -> {
                            assertTimes(a, T0, T0 + 4 * MINUTE, T0 + 4 * MINUTE);
                            assertThat(a.evidence).containsEntry("attacks_in_window", "5");
                        });

        assertThat(resolved(runToTheEnd(1, 0), SecurityAnomalies.ATTACK_CAMPAIGN))
                .singleElement()
                .satisfies(a -> assertThat(a.evidence).containsEntry("attacks", "5"));
    }

    @Test
    void aLateAttackBeforeARefusalIsNoRetryAndLaterRetriesStillAre() throws Exception {
        send(turn("erin", "chat", T0, 0.3, false));
        send(turn("erin", "chat", T0 + 2 * MINUTE, 0.1, true)); // refused
        harness.processWatermark(T0 + 3 * MINUTE);

        // behind the watermark: an attack a minute before the refusal retries nothing
        send(turn("erin", "chat", T0 + MINUTE, 0.9, false));
        assertThat(output()).isEmpty();

        send(turn("erin", "chat", T0 + 4 * MINUTE, 0.8, false)); // a retry, in order
        harness.processWatermark(T0 + 5 * MINUTE);
        assertThat(opened(output(), SecurityAnomalies.RETRY_AFTER_REFUSAL))
                .singleElement()
                .satisfies(
                        a -> {
                            assertTimes(a, T0 + 2 * MINUTE, T0 + 4 * MINUTE, T0 + 4 * MINUTE);
                            assertThat(a.observedValue).isEqualTo(2.0 * MINUTE);
                        });

        assertThat(resolved(runToTheEnd(1, 0), SecurityAnomalies.RETRY_AFTER_REFUSAL))
                .singleElement()
                .satisfies(a -> assertThat(a.evidence).containsEntry("occurrences", "1"));
    }

    @Test
    void recordsWhoseTimesCameOutOfOrderGoOutInOrderAndAreCounted() throws Exception {
        TurnSignal refusal = turn("erin", "chat", T0, 0.2, true);
        send(refusal);
        send(turn("erin", "chat", T0 + MINUTE, 0.9, false)); // a retry
        harness.processWatermark(T0 + 2 * MINUTE);
        assertThat(opened(output(), SecurityAnomalies.RETRY_AFTER_REFUSAL)).hasSize(1);

        // as state restored from a version with a bug could hold it
        ValueState<ActorState> actor = actorState(refusal.actorKey);
        ActorState a = actor.value();
        a.retry.openedAt = a.retry.lastAt + MINUTE;
        actor.update(a);

        assertThat(resolved(runToTheEnd(0, 1), SecurityAnomalies.RETRY_AFTER_REFUSAL))
                .singleElement()
                .satisfies(r -> assertTimes(r, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 11 * MINUTE));
    }

    /** The actor state of {@code actorKey}, as the function keeps it. */
    ValueState<ActorState> actorState(String actorKey) throws Exception {
        AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) harness.getOperator();
        operator.setCurrentKey(actorKey);
        return operator.getKeyedStateBackend()
                .getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new ValueStateDescriptor<>(
                                AttackBehaviourFunction.ACTOR_STATE, ActorState.class));
    }

    @Test
    void sessionsPerActorAreBounded() throws Exception {
        for (int i = 0; i < SETTINGS.maxSessionsPerActor() + 10; i++) {
            send(turn("gina", "s" + i, T0 + i * SECOND, 0.1, false));
        }
        harness.processWatermark(T0 + 5 * MINUTE);
        // actor + one session entry each + nothing pending
        assertThat(harness.numKeyedStateEntries())
                .isLessThanOrEqualTo(1 + SETTINGS.maxSessionsPerActor());
        harness.processWatermark(T0 + 3 * 60 * MINUTE);
        assertAllStateAndTimersGone();
    }
}
