package io.llmsentinel.bench;

import io.llmsentinel.kafka.EmbeddedKafka;
import io.llmsentinel.schema.SourceFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.streaming.api.graph.StreamGraph;

/** Runs one pipeline over a dataset, times it and checks what it committed. */
final class BenchRunner {
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(30);

    private final BenchCluster cluster;
    private final EmbeddedKafka kafka;
    private final Duration checkpointInterval;

    /** Anomalies committed by the first run of each detector job: every later run must match. */
    private final Map<BenchJob, Long> firstAnomalyCount = new HashMap<>();

    private int sequence;

    BenchRunner(BenchCluster cluster, EmbeddedKafka kafka, Duration checkpointInterval) {
        this.cluster = cluster;
        this.kafka = kafka;
        this.checkpointInterval = checkpointInterval;
    }

    RunResult run(BenchJob job, Pipeline pipeline, Dataset data, int parallelism) throws Exception {
        // the format only tells ingest runs apart: the detectors have one input
        String what = job.detector() ? job.wireName() : job.wireName() + "-" + data.formatName();
        String id =
                String.format(
                        Locale.ROOT,
                        "%03d-%s-%s-p%d",
                        ++sequence,
                        what,
                        pipeline.name().toLowerCase(Locale.ROOT),
                        parallelism);
        RunSpec spec =
                new RunSpec(
                        id,
                        job,
                        pipeline,
                        data,
                        parallelism,
                        kafka.bootstrapServers(),
                        checkpointInterval);
        if (pipeline == Pipeline.JOB) {
            // created up front with unlimited retention: KafkaSink stamps records with their
            // (2025) event time, and default retention would delete them before they are counted
            List<String> outputs =
                    job.detector()
                            ? List.of(spec.anomaliesTopic())
                            : List.of(spec.eventsTopic(), spec.dlqTopic());
            outputs.forEach(t -> kafka.createTopic(t, 2, RawDataLoader.KEEP_FOREVER));
        }
        StreamGraph graph = Pipelines.build(spec);
        BenchCluster.JobRun run = cluster.run(graph, JOB_TIMEOUT);
        double wall = run.wallNanos() / 1e9;
        if (pipeline == Pipeline.BASELINE) {
            return new RunResult(
                    spec, wall, data.events(), -1, -1, Double.NaN, run.stateBackend(), List.of());
        }
        return job.detector() ? checkedDetector(spec, run, wall) : checkedIngest(spec, run, wall);
    }

    private RunResult checkedIngest(RunSpec spec, BenchCluster.JobRun job, double wall) {
        String bootstrap = kafka.bootstrapServers();
        CommittedOutput.Counts events = CommittedOutput.read(bootstrap, spec.eventsTopic(), true);
        CommittedOutput.Counts dlq = CommittedOutput.read(bootstrap, spec.dlqTopic(), false);
        BenchTopics.delete(bootstrap, List.of(spec.eventsTopic(), spec.dlqTopic()));

        List<String> problems = problems(spec.rawData(), events.records(), dlq.records());
        double decodeSeconds =
                events.maxIngestTime() > 0
                        ? (events.maxIngestTime() - job.submittedAtMs()) / 1e3
                        : Double.NaN;
        return new RunResult(
                spec,
                wall,
                events.records(),
                dlq.records(),
                -1,
                decodeSeconds,
                job.stateBackend(),
                problems);
    }

    /**
     * A detector's output has no count to compare with the input, but the same events must give the
     * same anomalies: the input is in event-time order per partition and the bounded source ends
     * with the final watermark, so the count may not depend on parallelism, timing or checkpoints.
     * A count of zero would mean the run measured a detector that never fired.
     */
    private RunResult checkedDetector(RunSpec spec, BenchCluster.JobRun job, double wall) {
        String bootstrap = kafka.bootstrapServers();
        long anomalies = CommittedOutput.read(bootstrap, spec.anomaliesTopic(), false).records();
        BenchTopics.delete(bootstrap, List.of(spec.anomaliesTopic()));

        List<String> problems = new ArrayList<>();
        if (anomalies == 0) {
            problems.add("no anomalies committed");
        }
        long first = firstAnomalyCount.computeIfAbsent(spec.job(), j -> anomalies);
        if (anomalies != first) {
            problems.add("anomalies " + anomalies + " != " + first + " in the first run");
        }
        return new RunResult(
                spec,
                wall,
                spec.data().events(),
                -1,
                anomalies,
                Double.NaN,
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
