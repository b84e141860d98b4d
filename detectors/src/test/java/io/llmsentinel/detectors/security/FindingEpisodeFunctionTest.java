package io.llmsentinel.detectors.security;

import static io.llmsentinel.detectors.security.SecurityTestRecords.MINUTE;
import static io.llmsentinel.detectors.security.SecurityTestRecords.SECOND;
import static io.llmsentinel.detectors.security.SecurityTestRecords.T0;
import static io.llmsentinel.detectors.security.SecurityTestRecords.assertValid;
import static io.llmsentinel.detectors.security.SecurityTestRecords.finding;
import static io.llmsentinel.detectors.security.SecurityTestRecords.opened;
import static io.llmsentinel.detectors.security.SecurityTestRecords.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FindingEpisodeFunctionTest {
    static final SecuritySettings SETTINGS = SecuritySettings.defaults(); // quiet 10 min

    KeyedOneInputStreamOperatorTestHarness<String, SecurityFinding, Anomaly> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new FindingEpisodeFunction(SETTINGS),
                        SecuritySubjects::episodeKey,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    void send(SecurityFinding f) throws Exception {
        harness.processElement(f, f.eventTime);
    }

    @Test
    void manyFindingsOfOneSubjectMakeOneEpisodeThatResolvesWhenQuiet() throws Exception {
        for (int i = 0; i < 30; i++) {
            send(
                    finding(
                            SecurityAnomalies.PROMPT_INJECTION,
                            "mallory",
                            T0 + i * 20 * SECOND,
                            0.95));
        }
        harness.processWatermark(T0 + 15 * MINUTE);
        List<Anomaly> during = List.copyOf(harness.extractOutputValues());
        assertThat(opened(during, SecurityAnomalies.PROMPT_INJECTION)).hasSize(1);
        assertThat(resolved(during, SecurityAnomalies.PROMPT_INJECTION)).isEmpty();
        Anomaly open = during.get(0);
        assertThat(open.userId).isEqualTo("mallory");
        assertThat(open.severity).isEqualTo("critical");
        assertThat(open.evidence)
                .containsEntry("rule_ids", "override.ignore-previous")
                .containsKey("masked_preview");

        long last = T0 + 29 * 20 * SECOND;
        harness.processWatermark(last + 10 * MINUTE);
        List<Anomaly> all = List.copyOf(harness.extractOutputValues());
        List<Anomaly> done = resolved(all, SecurityAnomalies.PROMPT_INJECTION);
        assertThat(done).hasSize(1);
        assertThat(done.get(0).episodeId).isEqualTo(open.episodeId);
        assertThat(done.get(0).evidence).containsEntry("findings", "30");
        assertValid(all);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aFindingAfterTheQuietPeriodOpensANewEpisode() throws Exception {
        send(finding(SecurityAnomalies.JAILBREAK, "eve", T0, 0.7));
        send(finding(SecurityAnomalies.JAILBREAK, "eve", T0 + 30 * MINUTE, 0.7));
        harness.processWatermark(T0 + 60 * MINUTE);
        List<Anomaly> all = List.copyOf(harness.extractOutputValues());
        assertThat(opened(all, SecurityAnomalies.JAILBREAK)).hasSize(2);
        assertThat(resolved(all, SecurityAnomalies.JAILBREAK)).hasSize(2);
        assertThat(opened(all, SecurityAnomalies.JAILBREAK).get(0).severity).isEqualTo("warning");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void episodesAreSeparatePerTypeAndSubjectAndOpenInEventTimeOrder() throws Exception {
        // arrives out of order: the episode must still open at the earliest finding
        send(finding(SecurityAnomalies.PROMPT_INJECTION, "a", T0 + 5 * SECOND, 0.9));
        send(finding(SecurityAnomalies.PROMPT_INJECTION, "a", T0, 0.9));
        send(finding(SecurityAnomalies.PROMPT_INJECTION, "b", T0, 0.9));
        SecurityFinding leak = finding(SecurityAnomalies.PII_LEAK, "a", T0, 1.0);
        leak.subjectKey = SecuritySubjects.application(leak.serviceName, leak.model);
        leak.entityTypes.add("CREDIT_CARD");
        leak.ruleIds.clear();
        send(leak);
        harness.processWatermark(T0 + 10 * SECOND);
        List<Anomaly> out = List.copyOf(harness.extractOutputValues());
        assertThat(opened(out, SecurityAnomalies.PROMPT_INJECTION)).hasSize(2);
        assertThat(opened(out, SecurityAnomalies.PII_LEAK))
                .singleElement()
                .satisfies(a -> assertThat(a.severity).isEqualTo("critical"))
                .satisfies(
                        a -> assertThat(a.evidence).containsEntry("entity_types", "CREDIT_CARD"));
        assertThat(opened(out, SecurityAnomalies.PROMPT_INJECTION))
                .allSatisfy(a -> assertThat(a.windowStart).isEqualTo(T0));
    }

    @Test
    void aLateFindingIsAppliedAndCounted() throws Exception {
        harness.processWatermark(T0 + MINUTE);
        send(finding(SecurityAnomalies.SECRET_LEAK, "a", T0, 1.0));
        assertThat(
                        opened(
                                List.copyOf(harness.extractOutputValues()),
                                SecurityAnomalies.SECRET_LEAK))
                .hasSize(1);
    }
}
