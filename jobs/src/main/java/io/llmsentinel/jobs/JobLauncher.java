package io.llmsentinel.jobs;

import io.llmsentinel.jobs.config.JobConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Entry point of the jobs jar on a real cluster: {@code flink run llm-sentinel-jobs.jar run ingest
 * --config ingest.yaml} (or the {@code sentinel run} command). Configuration errors fail here,
 * before anything is submitted, with a message naming the key.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run one LLM-Sentinel job on the Flink cluster this process submits to.")
public final class JobLauncher implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job name: ${COMPLETION-CANDIDATES}")
    String job;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Job configuration (flat 'key: value' lines); defaults apply when absent")
    Path config;

    public static void main(String[] args) {
        String[] effective = args.length > 0 && args[0].equals("run") ? tail(args) : args;
        int code = new CommandLine(new JobLauncher()).execute(effective);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        SentinelJob<?, ?, ?> sentinelJob = JobCatalog.byName(job);
        Configuration conf = loadConfig(sentinelJob, config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        sentinelJob.buildWithKafka(env, conf);
        env.execute("llm-sentinel " + sentinelJob.name());
        return 0;
    }

    public static Configuration loadConfig(SentinelJob<?, ?, ?> job, Path file) throws Exception {
        Class<?>[] holders = job.optionHolders().toArray(new Class<?>[0]);
        return file == null ? JobConfig.fromMap(Map.of(), holders) : JobConfig.load(file, holders);
    }

    private static String[] tail(String[] args) {
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return rest;
    }
}
