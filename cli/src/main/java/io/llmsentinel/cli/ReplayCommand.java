package io.llmsentinel.cli;

import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.config.ConfigProfile;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.ingest.IngestOptions;
import io.llmsentinel.jobs.replay.DetectorCoverage;
import io.llmsentinel.jobs.replay.ReplayRunner;
import io.llmsentinel.schema.SourceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sentinel replay}: backtest the jobs on an exported telemetry file. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description =
                "Run the jobs over a file as bounded input (same operators as on Kafka) and write"
                        + " events, dead letters and anomalies as JSONL into a directory.")
public final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input file")
    Path input;

    @Option(
            names = "--format",
            defaultValue = "json",
            paramLabel = "FORMAT",
            description =
                    "json (one llm-event per line), otlp-json (one OTLP/JSON request per line) or"
                            + " otlp-proto (length-delimited ExportTraceServiceRequest). Default:"
                            + " ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output dir")
    Path output;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Job configuration (the same file as for `sentinel run`)")
    Path config;

    @Option(
            names = "--profile",
            defaultValue = "production",
            paramLabel = "PROFILE",
            description =
                    "Settings laid under --config: production (the options' defaults: warm-ups and"
                            + " baselines of hours) or local (the local run's windows of minutes,"
                            + " for short files). Default: ${DEFAULT-VALUE}")
    String profile;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Parallelism (default ${DEFAULT-VALUE})")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("--input: no such file " + input);
        }
        SourceFormat sourceFormat = SourceFormat.parse(format);
        Class<?>[] options =
                JobCatalog.all().stream()
                        .flatMap(job -> job.optionHolders().stream())
                        .toArray(Class<?>[]::new);
        Map<String, String> settings = new HashMap<>(profile().settings());
        settings.putAll(replayDefaults());
        if (config != null) {
            settings.putAll(JobConfig.read(config));
        }
        Configuration conf = JobConfig.fromMap(settings, options);
        List<DetectorCoverage> coverage = DetectorCoverage.of(conf);
        System.out.println("history each detector needs before it can flag anything:");
        coverage.forEach(
                c -> System.out.printf("  %-9s %s%n", c.detector(), human(c.historyNeeded())));

        Configuration cluster = new Configuration();
        cluster.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        cluster.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, cluster);

        long started = System.nanoTime();
        ReplayRunner.Summary summary =
                ReplayRunner.run(env, input.toAbsolutePath(), sourceFormat, output, conf);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("replayed %s (%s) in %.1f s%n", input, sourceFormat.wireName(), seconds);
        summary.counts()
                .forEach(
                        (kind, count) ->
                                System.out.printf(
                                        "  %-13s %8d  -> %s%n",
                                        kind, count, summary.files().get(kind)));
        System.out.printf("the events span %s of event time%n", human(summary.eventSpan()));
        for (DetectorCoverage c : coverage) {
            if (c.blindOn(summary.eventSpan())) {
                System.out.printf(
                        "  %-9s could not flag anything: it needs %s of history%s%n",
                        c.detector(),
                        human(c.historyNeeded()),
                        profile() == ConfigProfile.LOCAL ? "" : " (try --profile local)");
            }
        }
        return 0;
    }

    private ConfigProfile profile() {
        for (ConfigProfile p : ConfigProfile.values()) {
            if (p.wireName().equals(profile.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "--profile: unknown profile '"
                        + profile
                        + "'; one of "
                        + Arrays.stream(ConfigProfile.values())
                                .map(ConfigProfile::wireName)
                                .toList());
    }

    /** "4 min", "2 h 30 min", "45 s". */
    static String human(Duration d) {
        if (d.isZero()) {
            return "none";
        }
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append(" h");
        }
        if (m > 0) {
            out.append(out.isEmpty() ? "" : " ").append(m).append(" min");
        }
        if (s > 0 || out.isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append(s).append(" s");
        }
        return out.toString();
    }

    /** Backfills hold old events: the event-age check is off unless a config file sets it. */
    static Map<String, String> replayDefaults() {
        Map<String, String> m = new HashMap<>();
        m.put(IngestOptions.MAX_EVENT_AGE.key(), "0 s");
        m.put("job.parallelism", "-1");
        return m;
    }
}
