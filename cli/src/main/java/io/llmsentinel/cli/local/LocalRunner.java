package io.llmsentinel.cli.local;

import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.jobs.config.CommonOptions;
import io.llmsentinel.jobs.config.ConfigProfile;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.ingest.IngestOptions;
import io.llmsentinel.kafka.EmbeddedKafka;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.RunSummary;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.incident.GroundTruth;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.scoring.Scorecard;
import io.llmsentinel.simulator.sink.KafkaRecordSink;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * {@code sentinel local}: an embedded Kafka broker (or an existing one), one local Flink cluster
 * with the web UI, every job of the suite submitted as its own Flink job, and the traffic simulator
 * feeding them in real time. Prints anomalies live and a status line.
 */
public final class LocalRunner implements AutoCloseable {
    /** What the user chose on the command line. */
    public record Settings(
            double rate,
            Duration duration,
            long seed,
            SourceFormat format,
            double badRecordRate,
            String bootstrapServers,
            int uiPort,
            Path workDir) {}

    /** Windows close after an incident ends; detections this much later still count. */
    private static final long SCORECARD_GRACE_MS = Duration.ofMinutes(5).toMillis();

    private final Settings settings;
    private final PrintStream out;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final AtomicReference<Thread> simulatorThread = new AtomicReference<>();
    private LiveConsole console;
    private Path groundTruth;

    public LocalRunner(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs until the simulation ends (plus a drain period) or the thread is interrupted. */
    public void run() throws Exception {
        Files.createDirectories(settings.workDir());
        String bootstrap = startKafka();
        SimulatorConfig simulation = simulation();
        Map<String, String> jobSettings = jobSettings(bootstrap, simulation);
        Topics.ensure(bootstrap, topics(), 2);

        List<SentinelJob<?, ?, ?>> jobs = JobCatalog.all();
        LocalFlinkCluster cluster =
                LocalFlinkCluster.start(settings.uiPort(), jobs.size() + 1, settings.workDir());
        resources.add(cluster);
        out.println("Flink web UI:   " + cluster.restAddress());
        for (SentinelJob<?, ?, ?> job : jobs) {
            Configuration conf =
                    JobConfig.fromMap(
                            job.ownSettings(jobSettings),
                            job.optionHolders().toArray(new Class<?>[0]));
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(conf);
            job.buildWithKafka(env, conf);
            StreamGraph graph = env.getStreamGraph();
            graph.setJobName("llm-sentinel " + job.name());
            out.println("submitted job:  " + job.name() + " (" + cluster.submit(graph) + ")");
        }

        groundTruth = settings.workDir().resolve("ground-truth.jsonl");
        String rawTopic = rawTopic(settings.format());
        CountingSink sink = new CountingSink(new KafkaRecordSink(bootstrap, rawTopic));
        console =
                new LiveConsole(
                        bootstrap,
                        CommonOptions.EVENTS_TOPIC.defaultValue(),
                        CommonOptions.DLQ_TOPIC.defaultValue(),
                        CommonOptions.ANOMALIES_TOPIC.defaultValue(),
                        sink.records::get,
                        out);
        console.start();
        resources.add(console);
        out.printf(
                "simulating:     %.0f calls/s for %s as %s into %s (seed %d); ground truth %s%n",
                settings.rate(),
                settings.duration(),
                settings.format().wireName(),
                rawTopic,
                settings.seed(),
                groundTruth);
        out.println("Ctrl-C stops everything.");

        RunSummary summary = simulate(simulation, sink, groundTruth);
        out.printf(
                "simulation done: %,d records (%,d events, %,d deliberately bad), %d incidents"
                        + " scripted%n",
                summary.records(),
                summary.events(),
                summary.badRecords(),
                summary.incidents().size());
        // let the last transactions commit (one checkpoint interval and some)
        Thread.sleep(Duration.ofSeconds(12).toMillis());
        out.println(console.statusLine());
        if (settings.format() == SourceFormat.JSON) {
            // one JSON record is one event or one dead letter: the totals must add up exactly
            long accounted = console.events.get() + console.deadLetters.get();
            out.printf(
                    "accounting: %,d records sent, %,d events + %,d dead letters = %,d (%s)%n",
                    summary.records(),
                    console.events.get(),
                    console.deadLetters.get(),
                    accounted,
                    accounted == summary.records()
                            ? "every record exactly once"
                            : "MISMATCH: " + (summary.records() - accounted) + " not (yet) seen");
        }
    }

    private SimulatorConfig simulation() {
        return SimulatorConfig.builder()
                .seed(settings.seed())
                .ratePerSecond(settings.rate())
                .duration(settings.duration())
                .paced(true)
                .format(settings.format())
                .badRecordRate(settings.badRecordRate())
                .build();
    }

    private RunSummary simulate(SimulatorConfig config, CountingSink sink, Path groundTruth)
            throws Exception {
        AtomicReference<RunSummary> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t =
                new Thread(
                        () -> {
                            try {
                                result.set(new SimulatorRunner().run(config, sink, groundTruth));
                            } catch (Throwable e) {
                                failure.set(e);
                            } finally {
                                // Ctrl-C interrupts the run; the producer must still close
                                // cleanly, which it cannot on an interrupted thread
                                Thread.interrupted();
                                sink.close();
                            }
                        },
                        "sentinel-simulator");
        simulatorThread.set(t);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new IllegalStateException("simulator failed", failure.get());
        }
        return result.get();
    }

    /** Incidents that have started by now against the anomalies the console saw. */
    private void printScorecard() {
        if (console == null || groundTruth == null || !Files.exists(groundTruth)) {
            return;
        }
        long now = System.currentTimeMillis();
        List<Incident> started =
                GroundTruth.read(groundTruth).stream().filter(i -> i.startMs() < now).toList();
        out.println();
        out.print(Scorecard.score(started, console.anomalies(), SCORECARD_GRACE_MS).render());
    }

    private String startKafka() {
        if (settings.bootstrapServers() != null) {
            out.println("Kafka:          " + settings.bootstrapServers() + " (existing)");
            return settings.bootstrapServers();
        }
        EmbeddedKafka kafka = EmbeddedKafka.builder().preferredClientPort(9092).start();
        resources.add(kafka);
        out.println("Kafka:          " + kafka.bootstrapServers() + " (embedded, KRaft)");
        return kafka.bootstrapServers();
    }

    /**
     * Settings for every job of a local run: the local profile (detector windows and warm-ups of
     * minutes, since a run of tens of minutes has no hours of history), this run's Kafka, and every
     * job starting at the end of its input topic.
     */
    private Map<String, String> jobSettings(String bootstrap, SimulatorConfig simulation) {
        Map<String, String> m = new HashMap<>(ConfigProfile.LOCAL.settings());
        m.put(CommonOptions.BOOTSTRAP_SERVERS.key(), bootstrap);
        // a fresh prefix per run: an earlier run's open transactions cannot fence this one
        m.put(
                CommonOptions.TRANSACTIONAL_ID_PREFIX.key(),
                "sentinel-local-" + System.currentTimeMillis());
        m.put(CommonOptions.CHECKPOINT_INTERVAL.key(), "5 s");
        JobCatalog.all().forEach(job -> m.put(job.namespace() + "starting-offsets", "latest"));
        LocalBudget.forRunawayTenant(simulation, System.currentTimeMillis())
                .ifPresent(budget -> m.put("cost.budgets", budget));
        return m;
    }

    private static List<String> topics() {
        List<String> t = new ArrayList<>();
        t.addAll(IngestOptions.JSON_TOPICS.defaultValue());
        t.addAll(IngestOptions.OTLP_PROTO_TOPICS.defaultValue());
        t.addAll(IngestOptions.OTLP_JSON_TOPICS.defaultValue());
        t.add(CommonOptions.EVENTS_TOPIC.defaultValue());
        t.add(CommonOptions.DLQ_TOPIC.defaultValue());
        t.add(CommonOptions.ANOMALIES_TOPIC.defaultValue());
        return t;
    }

    static String rawTopic(SourceFormat format) {
        return switch (format) {
            case JSON -> IngestOptions.JSON_TOPICS.defaultValue().get(0);
            case OTLP_PROTO -> IngestOptions.OTLP_PROTO_TOPICS.defaultValue().get(0);
            case OTLP_JSON -> IngestOptions.OTLP_JSON_TOPICS.defaultValue().get(0);
        };
    }

    /** Stops the simulator, the console, the jobs, the cluster and the broker, in that order. */
    @Override
    public void close() {
        Thread sim = simulatorThread.get();
        if (sim != null) {
            sim.interrupt();
        }
        printScorecard();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                out.println("while stopping: " + e);
            }
        }
        resources.clear();
        PeakMemory.print(out);
    }
}
