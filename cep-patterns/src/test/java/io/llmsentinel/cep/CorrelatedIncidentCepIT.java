package io.llmsentinel.cep;

import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.open;
import static io.llmsentinel.cep.TestAnomalies.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fallback {@code correlated} pattern on a MiniCluster, as the correlation job runs it. */
class CorrelatedIncidentCepIT {
    static final long WITHIN = CorrelatedPattern.DEFAULT_WITHIN.toMillis();

    @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusterRuns.cluster();

    static List<PatternMatch> run(Anomaly... input) throws Exception {
        return MiniClusterRuns.run(
                        List.of(new CorrelatedPattern(CorrelatedPattern.DEFAULT_WITHIN)),
                        List.of(input))
                .matches();
    }

    static Anomaly latency(String service, String model, long at) {
        return open("latency", "latency_tail_sustained")
                .service(service)
                .model(model)
                .provider("openai")
                .at(at);
    }

    static Anomaly cost(String service, String model, long at) {
        return open("cost", "runaway_session")
                .tenant("acme")
                .session("s-1")
                .service(service)
                .model(model)
                .provider("openai")
                .at(at);
    }

    @Test
    @Timeout(120)
    void twoDetectorsOnTheSameSubjectWithinTheWindowMakeOneMatch() throws Exception {
        Anomaly tail =
                open("latency", "latency_tail_sustained")
                        .service("checkout")
                        .model("gpt-4o")
                        .provider("openai")
                        .samples("e1")
                        .at(T0);
        Anomaly runaway =
                open("cost", "runaway_session")
                        .tenant("acme")
                        .session("s-1")
                        .service("checkout")
                        .model("gpt-4o")
                        .severity(Severity.CRITICAL)
                        .samples("e2")
                        .at(T0 + 4 * MINUTE);
        // Input order differs from event-time order: CEP sorts by timestamp.
        List<PatternMatch> out = run(runaway, tail);

        assertThat(out).hasSize(1);
        PatternMatch m = out.get(0);
        assertThat(m.pattern).isEqualTo("correlated");
        assertThat(m.severity).isEqualTo("critical");
        assertThat(m.serviceName).isEqualTo("checkout");
        assertThat(m.model).isEqualTo("gpt-4o");
        assertThat(m.members).containsExactly(tail, runaway);
        assertThat(m.rootCause.anomalyId).isEqualTo(tail.anomalyId);
        assertThat(m.matchedAt).isEqualTo(T0 + 4 * MINUTE);
    }

    @Test
    @Timeout(120)
    void sameDetectorTwiceMakesNoMatch() throws Exception {
        Anomaly errors =
                open("latency", "error_rate_spike")
                        .service("checkout")
                        .model("gpt-4o")
                        .provider("openai")
                        .at(T0 + MINUTE);
        assertThat(run(latency("checkout", "gpt-4o", T0), errors)).isEmpty();
    }

    @Test
    @Timeout(120)
    void differentSubjectsMakeNoMatch() throws Exception {
        List<PatternMatch> out =
                run(
                        latency("checkout", "gpt-4o", T0),
                        cost("checkout", "gpt-4o-mini", T0 + MINUTE),
                        open("drift", "embedding_drift")
                                .service("search")
                                .model("gpt-4o")
                                .at(T0 + 2 * MINUTE),
                        open("security", "pii_leak").service("checkout").at(T0 + 3 * MINUTE));
        assertThat(out).isEmpty();
    }

    @Test
    @Timeout(120)
    void theWindowIncludesDelaysShorterThanItButNotEqualToIt() throws Exception {
        List<PatternMatch> out =
                run(
                        latency("just-inside", "m", T0),
                        cost("just-inside", "m", T0 + WITHIN - 1),
                        latency("at-the-edge", "m", T0),
                        cost("at-the-edge", "m", T0 + WITHIN),
                        latency("later", "m", T0),
                        cost("later", "m", T0 + WITHIN + MINUTE));
        assertThat(out).extracting(m -> m.serviceName).containsExactly("just-inside");
    }

    @Test
    @Timeout(120)
    void manySubjectsAcrossBothSubtasksEachGetOneMatchWithReplayableIds() throws Exception {
        List<Anomaly> input = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            String service = "service-" + s;
            long t = T0 + s * MINUTE;
            Anomaly tail = latency(service, "m", t);
            input.add(tail);
            // A second latency episode and a resolution in between do not start extra matches.
            input.add(
                    open("latency", "error_rate_spike").service(service).model("m").at(t + MINUTE));
            input.add(resolved(tail, t + 2 * MINUTE));
            input.add(cost(service, "m", t + 3 * MINUTE));
            // Records of the correlation job itself are never correlated again.
            input.add(
                    TestAnomalies.asCorrelationRecord(
                            open("drift", "numeric_drift")
                                    .service(service)
                                    .model("m")
                                    .at(t + 3 * MINUTE)));
        }

        List<PatternMatch> out = run(input.toArray(new Anomaly[0]));

        assertThat(out).hasSize(12);
        assertThat(out).extracting(m -> m.serviceName).doesNotHaveDuplicates();
        assertThat(out).extracting(m -> m.matchId).doesNotHaveDuplicates();
        // A replay of the same input yields the same matches with the same ids.
        assertThat(run(input.toArray(new Anomaly[0]))).containsExactlyInAnyOrderElementsOf(out);
        assertThat(out)
                .allSatisfy(
                        m -> {
                            assertThat(m.members.get(0).anomalyType)
                                    .isEqualTo("latency_tail_sustained");
                            assertThat(m.members.get(1).detector).isEqualTo("cost");
                        });
    }
}
