package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.AbstractUdfStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * The CEP operator {@link PatternStreams#apply} builds for one pattern, in a keyed operator test
 * harness: taken from the graph itself (operator, key selector, candidate filter, late tag), so
 * what is tested is what runs. Elements get their window end as timestamp, as in the job.
 */
final class PatternHarness implements AutoCloseable {
    static final int MAX_PARALLELISM = 128;

    private final KeyedOneInputStreamOperatorTestHarness<String, Anomaly, PatternMatch> harness;
    private final FilterFunction<Anomaly> candidates;
    private final OutputTag<Anomaly> lateTag;
    private final RecordingMetrics metrics = new RecordingMetrics();
    private long checkpointId;

    private PatternHarness(
            OneInputTransformation<Anomaly, PatternMatch> cep,
            FilterFunction<Anomaly> candidates,
            OutputTag<Anomaly> lateTag)
            throws Exception {
        this.candidates = candidates;
        this.lateTag = lateTag;
        @SuppressWarnings("unchecked")
        KeySelector<Anomaly, String> key = (KeySelector<Anomaly, String>) cep.getStateKeySelector();
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        cep.getOperator(),
                        key,
                        Types.STRING,
                        new MockEnvironmentBuilder()
                                .setMetricGroup(metrics)
                                .setMaxParallelism(MAX_PARALLELISM)
                                .build());
        harness.open();
    }

    /** The CEP operator of {@code pattern}, fed through its candidate filter. */
    static PatternHarness of(IncidentPattern pattern) throws Exception {
        PatternStreams.Output out = PatternStreams.apply(input(), pattern);
        OneInputTransformation<Anomaly, PatternMatch> cep = cepOf(out.matches());
        return new PatternHarness(cep, candidateFilterOf(cep), PatternStreams.lateTag(pattern));
    }

    /** A bare CEP operator built by a test (no candidate filter), e.g. to show CEP's defaults. */
    static PatternHarness ofOperator(DataStream<PatternMatch> cepOutput) throws Exception {
        return new PatternHarness(cepOf(cepOutput), a -> true, null);
    }

    /**
     * The matches {@code pattern} makes of {@code anomalies} (given in any order before any
     * watermark), once the watermark has passed every window.
     */
    static List<PatternMatch> matchesOf(IncidentPattern pattern, Anomaly... anomalies)
            throws Exception {
        long last = Long.MIN_VALUE;
        for (Anomaly a : anomalies) {
            last = Math.max(last, a.windowEnd);
        }
        try (PatternHarness h = of(pattern)) {
            h.add(anomalies).watermark(last + 2 * pattern.within().toMillis());
            return h.matches();
        }
    }

    static DataStream<Anomaly> input() {
        return StreamExecutionEnvironment.getExecutionEnvironment()
                .fromData(List.of(new Anomaly()), TypeInformation.of(Anomaly.class));
    }

    @SuppressWarnings("unchecked")
    private static OneInputTransformation<Anomaly, PatternMatch> cepOf(
            DataStream<PatternMatch> matches) {
        return (OneInputTransformation<Anomaly, PatternMatch>) matches.getTransformation();
    }

    /** CEP operator <- keyBy partitioning <- candidate filter. */
    @SuppressWarnings("unchecked")
    private static FilterFunction<Anomaly> candidateFilterOf(
            OneInputTransformation<Anomaly, PatternMatch> cep) {
        Transformation<?> partition = cep.getInputs().get(0);
        OneInputTransformation<?, ?> filter =
                (OneInputTransformation<?, ?>) partition.getInputs().get(0);
        return (FilterFunction<Anomaly>)
                ((AbstractUdfStreamOperator<?, ?>) filter.getOperator()).getUserFunction();
    }

    /** Each anomaly the candidate filter lets through, with its window end as timestamp. */
    PatternHarness add(Anomaly... anomalies) throws Exception {
        for (Anomaly a : anomalies) {
            if (candidates.filter(a)) {
                harness.processElement(a, a.windowEnd);
            }
        }
        return this;
    }

    PatternHarness watermark(long at) throws Exception {
        harness.processWatermark(at);
        return this;
    }

    List<PatternMatch> matches() {
        return harness.extractOutputValues();
    }

    /** The anomalies the operator put on its late side output. */
    List<Anomaly> late() {
        List<Anomaly> late = new ArrayList<>();
        Queue<StreamRecord<Anomaly>> records =
                lateTag == null ? null : harness.getSideOutput(lateTag);
        if (records != null) {
            records.forEach(r -> late.add(r.getValue()));
        }
        return late;
    }

    /**
     * Keyed state entries of the operator (partial matches, buffered events, NFA states). CEP keeps
     * its shared buffer behind a cache that it writes to state on a snapshot, so take one first:
     * the count is what a checkpoint would hold.
     */
    int keyedStateEntries() throws Exception {
        checkpointId++;
        harness.snapshot(checkpointId, checkpointId);
        return harness.numKeyedStateEntries();
    }

    int eventTimeTimers() {
        return harness.numEventTimeTimers();
    }

    /** The count of an operator counter, e.g. {@code numLateRecordsDropped}. */
    long counter(String name) {
        return metrics.count(name);
    }

    boolean hasCounter(String name) {
        return metrics.has(name);
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
