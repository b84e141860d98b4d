package io.llmsentinel.cep;

import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.latency;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Why the patterns set a late side output, and what counts the late anomalies instead. Flink CEP
 * 2.2 treats an element whose timestamp is at or behind the watermark as late: without a side
 * output it drops it and counts it in {@code numLateRecordsDropped}; with one it emits it there and
 * counts nothing.
 */
class LateAnomaliesTest {
    static final String CEP_LATE_COUNTER = "numLateRecordsDropped";

    final ModelDegradationPattern pattern =
            new ModelDegradationPattern(ModelDegradationPattern.DEFAULT_WITHIN);

    @Test
    void withoutALateOutputCepDropsLateAnomaliesAndOnlyCountsThem() throws Exception {
        DataStream<PatternMatch> bareCep =
                CEP.pattern(
                                PatternHarness.input().keyBy(pattern.subject(), Types.STRING),
                                pattern.pattern(),
                                pattern.order())
                        .inEventTime()
                        .process(pattern.matchFunction(), TypeInformation.of(PatternMatch.class));
        try (PatternHarness h = PatternHarness.ofOperator(bareCep)) {
            h.watermark(T0 + 5 * MINUTE);
            h.add(latency("latency_p95_deviation", "openai", "gpt-4o", T0 + MINUTE));
            h.add(latency("error_rate_spike", "openai", "gpt-4o", T0 + 6 * MINUTE));
            h.watermark(T0 + 6 * MINUTE);

            assertThat(h.matches()).isEmpty();
            assertThat(h.counter(CEP_LATE_COUNTER)).isEqualTo(1);
        }
    }

    @Test
    void thePatternsOperatorHandsLateAnomaliesOnInsteadOfDroppingThem() throws Exception {
        Anomaly late = latency("latency_p95_deviation", "openai", "gpt-4o", T0 + MINUTE);
        try (PatternHarness h = PatternHarness.of(pattern)) {
            h.watermark(T0 + 5 * MINUTE).add(late);

            assertThat(h.late()).containsExactly(late);
            assertThat(h.hasCounter(CEP_LATE_COUNTER)).isTrue();
            assertThat(h.counter(CEP_LATE_COUNTER)).isZero();
        }
    }

    @Test
    void theLateCounterCountsInTheSentinelGroupAndPassesAnomaliesOn() throws Exception {
        RecordingMetrics metrics = new RecordingMetrics();
        Anomaly late = latency("traffic_drop", "openai", "gpt-4o", T0);
        try (OneInputStreamOperatorTestHarness<Anomaly, Anomaly> h =
                new OneInputStreamOperatorTestHarness<>(
                        new StreamMap<>(new LateAnomalyCounter()),
                        new MockEnvironmentBuilder().setMetricGroup(metrics).build())) {
            h.open();
            h.processElement(late, late.windowEnd);
            h.processElement(late, late.windowEnd);

            assertThat(h.extractOutputValues()).containsExactly(late, late);
            assertThat(metrics.count("sentinel.lateAnomalies")).isEqualTo(2);
        }
    }
}
