package io.llmsentinel.jobs.savepoint;

import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.config.JobConfig;
import io.llmsentinel.jobs.config.JobSettings;
import io.llmsentinel.jobs.config.WatermarkSettings;
import io.llmsentinel.schema.LlmEvent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;

/**
 * Runs a job's graph over a fixture input at parallelism 1 with watermarks after every event, so
 * that a run's output depends on its input only: either to the end of the input (optionally
 * restored from a savepoint), or up to a cut where it stops with a savepoint.
 */
final class FixtureRunner {
    private static final long CUT_TIMEOUT_S = 120;

    private FixtureRunner() {}

    /** What a run up to a cut left: the savepoint's path and the outputs emitted before it. */
    record Cut(String savepointPath, Map<String, List<String>> outputs) {}

    /** Runs over records {@code [position, count)}, from the savepoint's position when given. */
    static Map<String, List<String>> runToEnd(
            FixtureJob job, Path input, long count, Map<String, String> config, String savepoint)
            throws Exception {
        Configuration flink = new Configuration();
        if (savepoint != null) {
            // a restore must map every piece of state: no allowNonRestoredState
            flink.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
            flink.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, false);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        String run = UUID.randomUUID().toString();
        List<String> kinds = build(env, job, input, count, config, null, run);
        env.execute("fixture " + job.wireName() + (savepoint == null ? "" : " restored"));
        return take(run, kinds);
    }

    /**
     * Runs over the first {@code split} records, then stops with a canonical savepoint under {@code
     * target} while the job still runs (no final watermark: timers stay pending).
     */
    static Cut runToCut(
            FixtureJob job,
            Path input,
            long count,
            long split,
            Map<String, String> config,
            Path target)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        String run = UUID.randomUUID().toString();
        SourceGate gate = new SourceGate(run, split);
        try {
            List<String> kinds = build(env, job, input, count, config, gate, run);
            JobClient client = env.executeAsync("fixture " + job.wireName() + " up to the cut");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CUT_TIMEOUT_S);
            while (!gate.closedBehindLastRecord()) {
                if (System.nanoTime() > deadline) {
                    client.cancel();
                    throw new AssertionError("the source did not reach the cut at " + split);
                }
                Thread.sleep(20);
            }
            return new Cut(stopWithSavepoint(client, target, deadline), take(run, kinds));
        } finally {
            gate.forget();
        }
    }

    /**
     * Stops the job with a canonical savepoint, retrying while downstream tasks are still being
     * deployed: a small input can sit in the source's buffers before every task runs.
     */
    private static String stopWithSavepoint(JobClient client, Path target, long deadline)
            throws Exception {
        while (true) {
            try {
                return client.stopWithSavepoint(
                                false,
                                target.toAbsolutePath().toUri().toString(),
                                SavepointFormatType.CANONICAL)
                        .get(CUT_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                boolean notRunningYet =
                        ExceptionUtils.findThrowableWithMessage(e, "Not all required tasks")
                                .isPresent();
                if (!notRunningYet || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** The job configuration as the job would read it from a file with these keys. */
    static Configuration jobConfig(FixtureJob job, Map<String, String> config) {
        return JobConfig.fromMap(config, job.options().toArray(new Class<?>[0]));
    }

    private static List<String> build(
            StreamExecutionEnvironment env,
            FixtureJob job,
            Path input,
            long count,
            Map<String, String> config,
            SourceGate gate,
            String run) {
        Configuration conf = jobConfig(job, config);
        JobSettings settings = JobSettings.from(conf);
        JobEnvironment.applyBounded(env, settings);
        // one input channel per operator: the order of records and watermarks is the input's
        env.setParallelism(1);
        DataStream<?> source = source(env, job, input, count, conf, gate);
        Map<String, DataStream<?>> outputs = job.graph(source, conf);
        outputs.forEach((kind, stream) -> collect(stream, run, kind));
        return List.copyOf(outputs.keySet());
    }

    private static <T> DataStream<T> source(
            StreamExecutionEnvironment env,
            FixtureJob job,
            Path input,
            long count,
            Configuration conf,
            SourceGate gate) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) job.inputType;
        WatermarkStrategy<T> watermarks =
                job.readsEvents()
                        ? afterEveryEvent(WatermarkSettings.from(conf).outOfOrderness().toMillis())
                        : WatermarkStrategy.noWatermarks();
        return env.fromSource(
                        FixtureSource.of(input, type, count, gate), watermarks, "Fixture input")
                .uid(FixtureSource.UID)
                .name("Fixture input " + input.getFileName());
    }

    /**
     * The jobs' bounded out-of-orderness, emitted after every event instead of periodically: a
     * periodic watermark would fall between records wherever the wall clock puts it.
     */
    @SuppressWarnings("unchecked")
    private static <T> WatermarkStrategy<T> afterEveryEvent(long outOfOrdernessMs) {
        WatermarkStrategy<LlmEvent> s =
                WatermarkStrategy.<LlmEvent>forGenerator(
                                ctx -> new PunctuatedOutOfOrderness(outOfOrdernessMs))
                        .withTimestampAssigner((e, ts) -> e.eventTime);
        return (WatermarkStrategy<T>) (WatermarkStrategy<?>) s;
    }

    @SuppressWarnings("unchecked")
    private static void collect(DataStream<?> stream, String run, String kind) {
        ((DataStream<Object>) stream)
                .sinkTo(new CollectingSink<>(run, kind))
                .uid("fixture-collect-" + kind)
                .name("Collect " + kind);
    }

    private static Map<String, List<String>> take(String run, List<String> kinds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        kinds.forEach(k -> out.put(k, CollectingSink.take(run, k)));
        return out;
    }

    /** Watermark = highest event time so far - out-of-orderness - 1 ms, as Flink's bounded one. */
    static final class PunctuatedOutOfOrderness implements WatermarkGenerator<LlmEvent> {
        private final long outOfOrdernessMs;
        private long maxTimestamp = Long.MIN_VALUE;

        PunctuatedOutOfOrderness(long outOfOrdernessMs) {
            this.outOfOrdernessMs = outOfOrdernessMs;
        }

        @Override
        public void onEvent(LlmEvent event, long timestamp, WatermarkOutput output) {
            if (timestamp > maxTimestamp) {
                maxTimestamp = timestamp;
                output.emitWatermark(new Watermark(timestamp - outOfOrdernessMs - 1));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
