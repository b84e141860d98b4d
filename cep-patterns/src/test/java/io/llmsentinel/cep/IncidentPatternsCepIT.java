package io.llmsentinel.cep;

import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.cost;
import static io.llmsentinel.cep.TestAnomalies.drift;
import static io.llmsentinel.cep.TestAnomalies.latency;
import static io.llmsentinel.cep.TestAnomalies.open;
import static io.llmsentinel.cep.TestAnomalies.resolved;
import static io.llmsentinel.cep.TestAnomalies.security;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every pattern at once on a MiniCluster, through {@link PatternStreams#applyAll}. */
class IncidentPatternsCepIT {
    @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusterRuns.cluster();

    static final List<IncidentPattern> ALL = IncidentPatterns.all(PatternWindows.defaults());

    /** One instance of each pattern, each on its own subject, interleaved, with resolutions. */
    static List<Anomaly> oneOfEach() {
        List<Anomaly> in = new ArrayList<>();
        Anomaly p95 = latency("latency_p95_deviation", "openai", "gpt-4o", T0);
        in.add(p95);
        in.add(latency("error_rate_spike", "openai", "gpt-4o", T0 + 2 * MINUTE));
        in.add(resolved(p95, T0 + 8 * MINUTE));

        in.add(latency("error_rate_spike", "anthropic", "claude-a", T0));
        in.add(latency("traffic_drop", "anthropic", "claude-b", T0 + MINUTE));

        in.add(cost("runaway_session", "acme", T0));
        in.add(cost("spend_spike", "acme", T0 + 10 * MINUTE));

        in.add(
                TestAnomalies.securitySpec("prompt_injection")
                        .user("u-1")
                        .model("gpt-4o")
                        .at(T0 + MINUTE));
        in.add(security("pii_leak", "u-1", T0 + 5 * MINUTE));

        in.add(drift("model_swap", "response_model", "search", "gpt-4o-mini", T0));
        in.add(drift("numeric_drift", "output_tokens", "search", "gpt-4o-mini", T0 + 30 * MINUTE));

        in.add(
                open("latency", "latency_tail_sustained")
                        .provider("mistral")
                        .model("large")
                        .service("billing")
                        .at(T0));
        in.add(drift("numeric_drift", "input_tokens", "billing", "large", T0 + 5 * MINUTE));
        return in;
    }

    @Test
    @Timeout(120)
    void eachPatternMatchesItsOwnScenarioOnceAndAReplayGivesTheSameMatches() throws Exception {
        List<PatternMatch> matches = MiniClusterRuns.run(ALL, oneOfEach()).matches();

        assertThat(matches)
                .extracting(m -> m.pattern)
                .containsExactlyInAnyOrderElementsOf(
                        ALL.stream().map(IncidentPattern::name).toList());
        assertThat(matches).allSatisfy(m -> assertThat(m.members).hasSize(2));
        assertThat(MiniClusterRuns.run(ALL, oneOfEach()).matches())
                .containsExactlyInAnyOrderElementsOf(matches);
    }

    @Test
    @Timeout(120)
    void anAnomalyBehindTheWatermarkReachesTheLateStreamOncePerPatternItCouldJoin()
            throws Exception {
        Anomaly onTime = latency("error_rate_spike", "openai", "gpt-4o", T0 + 20 * MINUTE);
        Anomaly late = latency("latency_p95_deviation", "openai", "gpt-4o", T0);

        MiniClusterRuns.Result out =
                MiniClusterRuns.run(ALL, List.of(onTime, late), watermarkAtEachAnomaly());

        assertThat(out.matches()).isEmpty();
        // a candidate of model_degradation, provider_outage and correlated
        assertThat(out.late()).containsExactly(late, late, late);
    }

    /** No slack at all: every anomaly moves the watermark to its own time. */
    static WatermarkStrategy<Anomaly> watermarkAtEachAnomaly() {
        return WatermarkStrategy.<Anomaly>forGenerator(ctx -> new EachAnomaly())
                .withTimestampAssigner((a, ts) -> a.windowEnd);
    }

    private static final class EachAnomaly implements WatermarkGenerator<Anomaly> {
        @Override
        public void onEvent(Anomaly a, long timestamp, WatermarkOutput out) {
            out.emitWatermark(new Watermark(timestamp));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput out) {}
    }
}
