package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs patterns over a bounded list of anomalies on a MiniCluster at parallelism 2, in event time,
 * with explicit uids only and Kryo disabled, as the correlation job will run them. The source and
 * the candidate filters run at parallelism 1, so every CEP subtask has one input channel and sees
 * the watermarks in the order the input defines them: lateness is deterministic.
 */
final class MiniClusterRuns {
    static final int PARALLELISM = 2;

    private MiniClusterRuns() {}

    static MiniClusterExtension cluster() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(PARALLELISM)
                        .build());
    }

    /** What a run produced. */
    record Result(List<PatternMatch> matches, List<Anomaly> late) {}

    /** The input in its order, with event time from the window ends and 1 min of slack. */
    static Result run(List<IncidentPattern> patterns, List<Anomaly> input) throws Exception {
        return run(patterns, input, PatternStreams.watermarks(Duration.ofMinutes(1)));
    }

    static Result run(
            List<IncidentPattern> patterns,
            List<Anomaly> input,
            WatermarkStrategy<Anomaly> watermarks)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(conf);
        env.setParallelism(PARALLELISM);

        DataStream<Anomaly> anomalies =
                env.fromData(input, TypeInformation.of(Anomaly.class))
                        .setParallelism(1)
                        .uid("test-anomalies")
                        .name("test anomalies")
                        .assignTimestampsAndWatermarks(watermarks)
                        .setParallelism(1)
                        .uid("test-anomaly-watermarks")
                        .name("test watermarks");
        PatternStreams.Output out = PatternStreams.applyAll(anomalies, patterns);
        List<PatternMatch> matches = new ArrayList<>();
        List<Anomaly> late = new ArrayList<>();
        try (CloseableIterator<PatternMatch> m = out.matches().collectAsync();
                CloseableIterator<Anomaly> l = out.late().collectAsync()) {
            env.execute("incident patterns test");
            m.forEachRemaining(matches::add);
            l.forEachRemaining(late::add);
        }
        return new Result(matches, late);
    }
}
