package io.llmsentinel.cli;

import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.RunSummary;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.Timeline;
import io.llmsentinel.simulator.sink.FileRecordSink;
import io.llmsentinel.simulator.sink.KafkaRecordSink;
import io.llmsentinel.simulator.sink.RecordSink;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sentinel simulate}: the traffic simulator alone, to a file or a Kafka topic. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description =
                "Generate realistic LLM telemetry with scripted incidents (deterministic for a"
                        + " seed) into a file or a Kafka topic, and write the ground truth.")
public final class SimulateCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--output", paramLabel = "FILE", description = "Write records to a file")
        Path file;

        @Option(names = "--topic", paramLabel = "TOPIC", description = "Write records to a topic")
        String topic;
    }

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "localhost:9092",
            description = "Kafka for --topic (default ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(
            names = "--rate",
            defaultValue = "100",
            description = "Calls per second of simulated time (default ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--duration",
            defaultValue = "PT30M",
            description = "Simulated duration (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--format",
            defaultValue = "json",
            description = "json, otlp-proto or otlp-json (default ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = "--bad-record-rate",
            defaultValue = "0",
            description = "Share of deliberately broken records (default ${DEFAULT-VALUE})")
    double badRecordRate;

    @Option(
            names = "--start-time",
            description =
                    "Simulated clock start, ISO-8601 (default: a fixed instant, so files are reproducible)")
    Instant startTime;

    @Option(
            names = "--paced",
            description = "Emit in real time, event time = now (as `local` does)")
    boolean paced;

    @Option(names = "--no-incidents", description = "Quiet traffic only")
    boolean noIncidents;

    @Option(
            names = "--ground-truth",
            paramLabel = "FILE",
            description =
                    "Where to write the scripted incidents (default: next to --output, or ground-truth.jsonl)")
    Path groundTruth;

    @Override
    public Integer call() throws Exception {
        SourceFormat sourceFormat = SourceFormat.parse(format);
        SimulatorConfig.Builder config =
                SimulatorConfig.builder()
                        .seed(seed)
                        .ratePerSecond(rate)
                        .duration(LocalCommand.parseDuration(duration))
                        .paced(paced)
                        .format(sourceFormat)
                        .badRecordRate(badRecordRate)
                        .timeline(noIncidents ? Timeline.none() : Timeline.defaults());
        if (startTime != null) {
            config.startTime(startTime);
        }
        Path truth = groundTruth != null ? groundTruth : defaultGroundTruth();
        long started = System.nanoTime();
        RunSummary summary;
        try (RecordSink sink =
                target.file != null
                        ? new FileRecordSink(target.file, sourceFormat)
                        : new KafkaRecordSink(bootstrapServers, target.topic)) {
            summary = new SimulatorRunner().run(config.build(), sink, truth);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "wrote %,d records (%,d events, %,d deliberately bad) as %s to %s in %.1f s%n",
                summary.records(),
                summary.events(),
                summary.badRecords(),
                sourceFormat.wireName(),
                target.file != null ? target.file : "topic " + target.topic,
                seconds);
        System.out.println("ground truth (" + summary.incidents().size() + " incidents): " + truth);
        for (Incident incident : summary.incidents()) {
            System.out.println("  " + incident);
        }
        return 0;
    }

    private Path defaultGroundTruth() {
        if (target.file != null) {
            Path parent = target.file.toAbsolutePath().getParent();
            return parent.resolve(target.file.getFileName() + ".ground-truth.jsonl");
        }
        return Path.of("ground-truth.jsonl");
    }
}
