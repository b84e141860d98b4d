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
                jsonTraffic(
                        input,
                        11,
                        Duration.ofMinutes(100),
                        "latency_degradation@60m+10m,agent_loop@80m+10m");
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

    /**
     * A 15-minute file is shorter than the production warm-ups: replay says so per detector, and
     * the local profile (minutes instead of hours) makes the same file show the degradation.
     */
    @Test
    @Timeout(240)
    void replaySaysWhichDetectorsAFileIsTooShortForAndTheLocalProfileSeesThem(@TempDir Path dir)
            throws Exception {
        Path input = dir.resolve("short.jsonl");
        SimulatorConfig config =
                jsonTraffic(input, 7, Duration.ofMinutes(15), "latency_degradation@7m+6m");

        String production = replayPrinting(input, dir.resolve("production"));
        assertThat(production)
                .contains("latency   could not flag anything")
                .contains("cost      could not flag anything")
                .contains("drift     could not flag anything")
                .doesNotContain("security  could not flag anything")
                .contains("(try --profile local)");
        assertThat(anomalies(dir.resolve("production")))
                .noneMatch(a -> a.detector.equals("latency"));

        String local = replayPrinting(input, dir.resolve("local"), "--profile", "local");
        assertThat(local).doesNotContain("could not flag anything");
        assertThat(anomalies(dir.resolve("local")))
                .anySatisfy(
                        a -> {
                            assertThat(a.detector).isEqualTo("latency");
                            assertThat(a.model).isEqualTo(degradedModel(config));
                        });
    }

    @Test
    void anUnknownProfileIsRefusedNamingTheProfiles(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("empty.jsonl"), "");
        String printed = replayPrinting(input, dir.resolve("out"), "--profile", "staging");
        assertThat(printed).contains("unknown profile 'staging'").contains("production, local");
    }

    private static String replayPrinting(Path input, Path out, String... extra) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of("replay", "--input", input.toString(), "--output", out.toString()));
        args.addAll(List.of(extra));
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        java.io.PrintStream originalErr = System.err;
        java.io.PrintStream capture =
                new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            SentinelCli.commandLine().execute(args.toArray(new String[0]));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    private static List<Anomaly> anomalies(Path out) throws java.io.IOException {
        return Files.readAllLines(out.resolve("anomalies.jsonl")).stream()
                .map(a -> Codecs.fromJson(a, Anomaly.class))
                .toList();
    }

    /** Simulated JSON traffic at 20 calls/s with the given incidents, written to {@code file}. */
    private static SimulatorConfig jsonTraffic(
            Path file, long seed, Duration duration, String timeline) throws Exception {
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(seed)
                        .ratePerSecond(20)
                        .duration(duration)
                        .format(SourceFormat.JSON)
                        .timeline(Timeline.parse(timeline))
                        .build();
        try (FileRecordSink sink = new FileRecordSink(file, SourceFormat.JSON)) {
            new SimulatorRunner().run(config, sink, null);
        }
        return config;
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
