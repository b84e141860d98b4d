package io.llmsentinel.bench;

import io.llmsentinel.kafka.EmbeddedKafka;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.incident.Timeline;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput of the ingest job against the reference line "KafkaSource -> parse -> discard", and of
 * the latency and cost jobs against "KafkaSource -> keyBy -> count -> discard", on one in-process
 * broker and one MiniCluster in this JVM. See bench/README.md.
 */
@Command(
        name = "ingest-throughput",
        mixinStandardHelpOptions = true,
        description =
                "Measures the throughput of the ingest, latency and cost jobs against a reference"
                        + " line each.")
public final class IngestThroughput implements Callable<Integer> {

    @Option(
            names = "--job",
            split = ",",
            defaultValue = "ingest,latency,cost",
            description =
                    "ingest, latency and/or cost, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> jobs;

    @Option(
            names = "--format",
            split = ",",
            defaultValue = "json",
            description =
                    "ingest input: json and/or otlp-proto, comma-separated (default:"
                            + " ${DEFAULT-VALUE})")
    List<String> formats;

    @Option(
            names = "--records",
            defaultValue = "1000000",
            description =
                    "input records per ingest format, and canonical events for the detectors"
                            + " (default: ${DEFAULT-VALUE})")
    long records;

    @Option(
            names = "--parallelism",
            split = ",",
            defaultValue = "1,2",
            description = "parallelisms to measure (default: ${DEFAULT-VALUE})")
    List<Integer> parallelisms;

    @Option(
            names = "--runs",
            defaultValue = "3",
            description = "measured runs per pipeline and parallelism (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(
            names = "--warmups",
            defaultValue = "1",
            description =
                    "discarded runs per pipeline before measuring (default: ${DEFAULT-VALUE})")
    int warmups;

    @Option(
            names = "--checkpoint-interval",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description =
                    "checkpoint interval of the jobs, e.g. 5s or 500ms (default: ${DEFAULT-VALUE})")
    Duration checkpointInterval;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "simulator seed (default: ${DEFAULT-VALUE})")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestThroughput()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        List<BenchJob> benchJobs = parseJobs();
        List<SourceFormat> sourceFormats = formats.stream().map(SourceFormat::parse).toList();
        if (sourceFormats.contains(SourceFormat.OTLP_JSON)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "otlp-json has no baseline parser: json or otlp-proto");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int slots = parallelisms.stream().mapToInt(Integer::intValue).max().orElse(1);
        printEnvironment(out, cores);

        Report report = new Report(out, cores);
        Path workDir = Files.createTempDirectory("llm-sentinel-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                BenchCluster cluster = BenchCluster.start(slots, workDir)) {
            BenchRunner runner = new BenchRunner(cluster, kafka, checkpointInterval);
            if (benchJobs.contains(BenchJob.INGEST)) {
                for (SourceFormat format : sourceFormats) {
                    measure(runner, report, BenchJob.INGEST, load(kafka, format, out), slots);
                }
            }
            EventDataset events = null;
            for (BenchJob job : benchJobs) {
                if (job.detector()) {
                    // loaded once: latency and cost read the same topic
                    events = events != null ? events : loadEvents(kafka, out);
                    measure(runner, report, job, events, slots);
                }
            }
        } finally {
            deleteQuietly(workDir);
        }
        report.printTable();
        return report.allChecksPassed() ? 0 : 1;
    }

    private RawDataset load(EmbeddedKafka kafka, SourceFormat format, PrintStream out) {
        long start = System.nanoTime();
        RawDataset data = RawDataLoader.load(kafka, format, records, seed);
        out.printf(
                Locale.ROOT,
                "%n%s: %,d records (%,d events, %,d bad), mean %.0f B/record, loaded in %.1f s%n",
                format.wireName(),
                data.records(),
                data.events(),
                data.badRecords(),
                data.meanRecordBytes(),
                (System.nanoTime() - start) / 1e9);
        return data;
    }

    private List<BenchJob> parseJobs() {
        try {
            return jobs.stream().map(BenchJob::parse).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    private EventDataset loadEvents(EmbeddedKafka kafka, PrintStream out) {
        long start = System.nanoTime();
        EventDataset data = EventDataLoader.load(kafka, records, seed);
        out.printf(
                Locale.ROOT,
                "%n%s: %,d canonical events over %d simulated minutes (default incident timeline),"
                        + " mean %.0f B/event, loaded in %.1f s%n",
                data.formatName(),
                data.events(),
                data.simulatedMinutes(),
                data.meanRecordBytes(),
                (System.nanoTime() - start) / 1e9);
        return data;
    }

    /**
     * Warm-up first (a fresh JVM runs its first Flink jobs at about half speed), then the measured
     * runs interleaved, so that drift from other load on the machine spreads over every row instead
     * of landing on one.
     */
    private void measure(
            BenchRunner runner, Report report, BenchJob job, Dataset data, int maxParallelism)
            throws Exception {
        for (int i = 0; i < warmups; i++) {
            for (Pipeline pipeline : Pipeline.values()) {
                report.warmUp(runner.run(job, pipeline, data, maxParallelism));
            }
        }
        for (int i = 0; i < runs; i++) {
            for (Pipeline pipeline : Pipeline.values()) {
                for (int p : parallelisms) {
                    report.measured(runner.run(job, pipeline, data, p));
                }
            }
        }
    }

    private static void printEnvironment(PrintStream out, int cores) {
        Runtime rt = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "JVM: %s %s (%s), max heap %d MB, args %s%nCPUs available: %d%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("os.arch"),
                rt.maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                cores);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temp directory: nothing depends on it being gone
        }
    }

    /** The simulator's duration spelling: {@code 5s}, {@code 500ms}, {@code PT5S}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Timeline.parseDuration(value);
        }
    }
}
