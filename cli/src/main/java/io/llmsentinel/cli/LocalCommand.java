package io.llmsentinel.cli;

import io.llmsentinel.cli.local.LocalRunner;
import io.llmsentinel.schema.SourceFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sentinel local}: the whole suite on this machine, fed by the simulator. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description =
                "Start an embedded Kafka broker and a local Flink cluster (web UI on"
                        + " http://localhost:8081), submit every job, feed them simulated traffic"
                        + " with scripted incidents, and print what they find.")
public final class LocalCommand implements Callable<Integer> {
    @Option(
            names = "--rate",
            defaultValue = "200",
            description = "Calls per second (default ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--duration",
            defaultValue = "PT30M",
            description =
                    "How long to simulate, ISO-8601 (PT10M) or seconds (default ${DEFAULT-VALUE})")
    String duration;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Simulator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--format",
            defaultValue = "json",
            description =
                    "Telemetry encoding: json, otlp-proto or otlp-json (default ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = "--bad-record-rate",
            defaultValue = "0.01",
            description = "Share of deliberately broken records (default ${DEFAULT-VALUE})")
    double badRecordRate;

    @Option(
            names = "--bootstrap-servers",
            description = "Use this Kafka instead of starting an embedded broker")
    String bootstrapServers;

    @Option(
            names = "--ui-port",
            defaultValue = "8081",
            description = "Flink web UI port (default ${DEFAULT-VALUE})")
    int uiPort;

    @Option(
            names = "--work-dir",
            defaultValue = ".sentinel",
            description = "Checkpoints, ground truth and RocksDB files (default ${DEFAULT-VALUE})")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        LocalRunner.Settings settings =
                new LocalRunner.Settings(
                        rate,
                        parseDuration(duration),
                        seed,
                        SourceFormat.parse(format),
                        badRecordRate,
                        bootstrapServers,
                        uiPort,
                        workDir.toAbsolutePath());
        LocalRunner runner = new LocalRunner(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Thread hook =
                new Thread(
                        () -> {
                            System.out.println("\nstopping...");
                            main.interrupt();
                            try {
                                stopped.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "sentinel-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            runner.run();
        } catch (InterruptedException e) {
            // Ctrl-C
        } finally {
            runner.close();
            stopped.countDown();
        }
        return 0;
    }

    static Duration parseDuration(String s) {
        try {
            return s.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(s)) : Duration.parse(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "--duration: '"
                            + s
                            + "' is neither seconds nor an ISO-8601 duration like PT10M");
        }
    }
}
