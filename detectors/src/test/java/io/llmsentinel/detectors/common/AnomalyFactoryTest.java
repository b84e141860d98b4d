package io.llmsentinel.detectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnomalyFactoryTest {
    static final long T0 = 1_700_000_000_000L;
    static final String EPISODE = EpisodeIds.of("latency", "sustained_tail", "k", T0);

    static AnomalyFactory.Builder minimal() {
        return AnomalyFactory.open("latency", "sustained_tail", EPISODE)
                .severity(Severity.WARNING)
                .window(T0 - 60_000, T0)
                .detectedAt(T0);
    }

    static void assertValid(Anomaly anomaly) {
        String json = Codecs.toJsonString(anomaly);
        assertThat(ContractSchemas.errors(ContractSchemas.ANOMALY, json)).as(json).isEmpty();
    }

    @Test
    void minimalRecordIsValidAndItsIdDerivesFromTheEpisode() {
        Anomaly open = minimal().build();
        assertValid(open);
        assertThat(open.anomalyId).isEqualTo(EPISODE + ":open");
        assertThat(open.episodeId).isEqualTo(EPISODE);
        assertThat(open.status).isEqualTo(Anomaly.STATUS_OPEN);
        assertThat(open.evidence).isNull();
        assertThat(open.sampleEventIds).isNull();

        Anomaly resolved =
                AnomalyFactory.resolved("latency", "sustained_tail", EPISODE)
                        .severity(Severity.INFO)
                        .window(T0, T0 + 60_000)
                        .detectedAt(T0 + 60_000)
                        .build();
        assertValid(resolved);
        assertThat(resolved.anomalyId).isEqualTo(EPISODE + ":resolved");
    }

    @Test
    void fullRecordWithEverythingAtItsLimitsIsValid() {
        List<String> samples = new ArrayList<>();
        IntStream.range(0, 80).forEach(i -> samples.add("event-" + (i % 70)));
        Evidence evidence = Evidence.create();
        for (int i = 0; i < 40; i++) {
            evidence.ids("list_" + i, samples);
        }
        evidence.redacted("mask", Redaction.unsalted().mask("sk-0123456789abcdefghijklmnop"));

        Anomaly a =
                minimal()
                        .severity(Severity.of(5_500, 2_000, 5_000))
                        .score(Double.NaN)
                        .confidence(1.7)
                        .providerName("openai")
                        .model("gpt-4o")
                        .serviceName("checkout")
                        .tenantId("acme")
                        .userId("u-1")
                        .sessionId("s-1")
                        .observedValue(5_500)
                        .baselineValue(Double.POSITIVE_INFINITY)
                        .threshold(2_000)
                        .summary("p99 latency " + "very ".repeat(400) + "high")
                        .evidence(evidence)
                        .sampleEventIds(samples)
                        .build();

        assertValid(a);
        assertThat(a.severity).isEqualTo("critical");
        assertThat(a.score).isNull();
        assertThat(a.baselineValue).isNull();
        assertThat(a.confidence).isEqualTo(1.0);
        assertThat(a.summary).hasSize(AnomalyFactory.MAX_SUMMARY_CHARS).endsWith("…");
        assertThat(a.sampleEventIds)
                .hasSize(AnomalyFactory.MAX_SAMPLE_EVENT_IDS)
                .doesNotHaveDuplicates()
                .startsWith("event-0", "event-1");
        assertThat(a.evidence).containsEntry(Evidence.DROPPED_KEY, "9");
    }

    @Test
    void recordsSurviveAJsonRoundTrip() {
        Anomaly a =
                minimal()
                        .evidence(Evidence.create().number("p99_ms", 2_500.5).id("model", "m"))
                        .sampleEventIds(List.of("e1", "e2"))
                        .build();
        assertThat(Codecs.fromJson(Codecs.toJsonString(a), Anomaly.class)).isEqualTo(a);
    }

    @Test
    void forTransitionTakesNamesFromTheTrackerAndIdFromTheState() {
        EpisodeTracker tracker = EpisodeTracker.of("cost", "spend_anomaly");
        EpisodeState state = new EpisodeState();
        EpisodeTransition opened = tracker.observe(state, "tenant-acme", T0, true, 12.5);

        Anomaly a =
                AnomalyFactory.forTransition(tracker, opened, state)
                        .severity(Severity.WARNING)
                        .window(state.breachStartedAt, state.openedAt)
                        .detectedAt(state.openedAt)
                        .observedValue(state.peakValue)
                        .build();

        assertValid(a);
        assertThat(a.detector).isEqualTo("cost");
        assertThat(a.anomalyType).isEqualTo("spend_anomaly");
        assertThat(a.anomalyId).isEqualTo(state.episodeId + ":open");
    }

    @Test
    void missingOrInconsistentFieldsAreRefused() {
        assertThatThrownBy(() -> AnomalyFactory.open("latency", "t", EPISODE).window(0, 1).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("severity");
        assertThatThrownBy(() -> minimal().window(T0, T0 - 1).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> minimal().detectedAt(-1).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AnomalyFactory.open("d".repeat(65), "t", EPISODE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnomalyFactory.open("latency", "t", "e".repeat(125)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anomalyId");
        assertThatThrownBy(() -> AnomalyFactory.open("latency", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBuilderMakesExactlyOneRecord() {
        AnomalyFactory.Builder builder = minimal();
        builder.build();
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }
}
