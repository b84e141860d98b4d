package io.llmsentinel.bench;

import io.llmsentinel.kafka.EmbeddedKafka;
import io.llmsentinel.schema.SourceFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.streaming.api.graph.StreamGraph;

/** Runs one pipeline over a dataset, times it and checks what it committed. */
final class BenchRunner {
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(30);

    private final BenchCluster cluster;
    private final EmbeddedKafka kafka;
    private final Duration checkpointInterval;
    private int sequence;

    BenchRunner(BenchCluster cluster, EmbeddedKafka kafka, Duration checkpointInterval) {
        this.cluster = cluster;
        this.kafka = kafka;
        this.checkpointInterval = checkpointInterval;
    }

    RunResult run(Pipeline pipeline, RawDataset data, int parallelism) throws Exception {
        String id =
                String.format(
                        "%03d-%s-%s-p%d",
                        ++sequence,
                        data.format().wireName(),
                        pipeline.name().toLowerCase(Locale.ROOT),
                        parallelism);
        RunSpec spec =
                new RunSpec(
                        id,
                        pipeline,
                        data,
                        parallelism,
                        kafka.bootstrapServers(),
                        checkpointInterval);
        if (pipeline == Pipeline.INGEST) {
            // created up front with unlimited retention: KafkaSink stamps records with their
            // (2025) event time, and default retention would delete them before they are counted
            kafka.createTopic(spec.eventsTopic(), 2, RawDataLoader.KEEP_FOREVER);
            kafka.createTopic(spec.dlqTopic(), 2, RawDataLoader.KEEP_FOREVER);
        }
        StreamGraph graph = Pipelines.build(spec);
        BenchCluster.JobRun job = cluster.run(graph, JOB_TIMEOUT);
        double wall = job.wallNanos() / 1e9;
        if (pipeline == Pipeline.BASELINE) {
            return new RunResult(
                    spec, wall, data.events(), -1, Double.NaN, job.stateBackend(), List.of());
        }
        return checked(spec, job, wall);
    }

    private RunResult checked(RunSpec spec, BenchCluster.JobRun job, double wall) {
        String bootstrap = kafka.bootstrapServers();
        CommittedOutput.Counts events = CommittedOutput.read(bootstrap, spec.eventsTopic(), true);
        CommittedOutput.Counts dlq = CommittedOutput.read(bootstrap, spec.dlqTopic(), false);
        BenchTopics.delete(bootstrap, List.of(spec.eventsTopic(), spec.dlqTopic()));

        List<String> problems = problems(spec.data(), events.records(), dlq.records());
        double decodeSeconds =
                events.maxIngestTime() > 0
                        ? (events.maxIngestTime() - job.submittedAtMs()) / 1e3
                        : Double.NaN;
        return new RunResult(
                spec,
                wall,
                events.records(),
                dlq.records(),
                decodeSeconds,
                job.stateBackend(),
                problems);
    }

    /**
     * Every input record must come out once: each valid event in the events topic and each broken
     * record as one dead letter (a broken OTLP request carries a single span). For JSON also the
     * plain identity the format guarantees: one record, one event or one dead letter.
     */
    static List<String> problems(RawDataset data, long events, long deadLetters) {
        List<String> problems = new ArrayList<>();
        if (events != data.events()) {
            problems.add("events " + events + " != valid events " + data.events());
        }
        if (deadLetters != data.badRecords()) {
            problems.add("dead letters " + deadLetters + " != broken records " + data.badRecords());
        }
        if (data.format() == SourceFormat.JSON && events + deadLetters != data.records()) {
            problems.add(
                    "events + dead letters "
                            + (events + deadLetters)
                            + " != records "
                            + data.records());
        }
        return problems;
    }
}
