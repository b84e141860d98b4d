package io.llmsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.RunSummary;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.incident.Timeline;
import io.llmsentinel.simulator.sink.FileRecordSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Smoke test of {@code sentinel replay} on a simulator file, through the real command line. */
class ReplayCommandIT {

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    @Timeout(180)
    void replayWritesCanonicalEventsAndDeadLetters(SourceFormat format, @TempDir Path dir)
            throws Exception {
        Path input = dir.resolve("traffic." + format.wireName());
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(7)
                        .ratePerSecond(20)
                        .duration(Duration.ofMinutes(3))
                        .format(format)
                        .badRecordRate(0.02)
                        .build();
        RunSummary summary;
        try (FileRecordSink sink = new FileRecordSink(input, format)) {
            summary = new SimulatorRunner().run(config, sink, dir.resolve("truth.jsonl"));
        }
        Path out = dir.resolve("out");

        int code =
                SentinelCli.commandLine()
                        .execute(
                                "replay",
                                "--input",
                                input.toString(),
                                "--format",
                                format.wireName().replace('_', '-'),
                                "--output",
                                out.toString());

        assertThat(code).isZero();
        List<String> events = Files.readAllLines(out.resolve("events.jsonl"));
        List<String> deadLetters = Files.readAllLines(out.resolve("dead-letters.jsonl"));
        assertThat(deadLetters).isNotEmpty();
        if (format == SourceFormat.JSON) {
            // one record, one outcome
            assertThat(events).hasSize((int) summary.events());
            assertThat(deadLetters).hasSize((int) summary.badRecords());
        } else {
            // a hostile OTLP request may still carry valid GenAI spans next to its broken part
            assertThat(events).hasSizeGreaterThanOrEqualTo((int) summary.events());
        }
        assertThat(events)
                .allSatisfy(
                        e ->
                                assertThat(ContractSchemas.errors(ContractSchemas.LLM_EVENT, e))
                                        .isEmpty());
        assertThat(deadLetters)
                .allSatisfy(
                        d ->
                                assertThat(ContractSchemas.errors(ContractSchemas.DEAD_LETTER, d))
                                        .isEmpty());
        assertThat(out.resolve("anomalies.jsonl")).exists();
    }

    @Test
    @Timeout(240)
    void replayRunsTheDetectorsOnTheIngestedEvents(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("traffic.jsonl");
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(11)
                        .ratePerSecond(20)
                        .duration(Duration.ofMinutes(100))
                        .format(SourceFormat.JSON)
                        .timeline(Timeline.parse("latency_degradation@60m+10m,agent_loop@80m+10m"))
                        .build();
        try (FileRecordSink sink = new FileRecordSink(input, SourceFormat.JSON)) {
            new SimulatorRunner().run(config, sink, null);
        }
        Path out = dir.resolve("out");

        int code =
                SentinelCli.commandLine()
                        .execute("replay", "--input", input.toString(), "--output", out.toString());

        assertThat(code).isZero();
        List<Anomaly> anomalies =
                Files.readAllLines(out.resolve("anomalies.jsonl")).stream()
                        .peek(
                                a ->
                                        assertThat(
                                                        ContractSchemas.errors(
                                                                ContractSchemas.ANOMALY, a))
                                                .isEmpty())
                        .map(a -> Codecs.fromJson(a, Anomaly.class))
                        .toList();
        assertThat(anomalies)
                .extracting(a -> a.detector)
                .as("both detector jobs ran on the replayed events")
                .contains("latency", "cost");
        assertThat(anomalies)
                .as("the scripted degradation is among the latency findings")
                .anySatisfy(
                        a -> {
                            assertThat(a.detector).isEqualTo("latency");
                            assertThat(a.model).isEqualTo(degradedModel(config));
                        });
    }

    private static String degradedModel(SimulatorConfig config) {
        return new SimulatorRunner()
                .simulator(config).incidents().stream()
                        .filter(i -> i.incidentType() == IncidentType.LATENCY_DEGRADATION)
                        .findFirst()
                        .orElseThrow()
                        .model();
    }
}
