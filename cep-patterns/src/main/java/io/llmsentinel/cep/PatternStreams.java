package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Runs patterns over an anomaly stream that carries event time (see {@link #watermarks}). Per
 * pattern, three operators with uids from its {@link IncidentPattern#uidPrefix prefix}:
 *
 * <ol>
 *   <li>{@code <prefix>-candidates}: the anomalies that could be members ({@link
 *       PatternCandidates}), at the input's parallelism so that it chains to it;
 *   <li>{@code <prefix>-cep}: keyed by the pattern's subject (String keys), the CEP operator in
 *       event time with the pattern's tie order, producing {@link PatternMatch}es;
 *   <li>{@code <prefix>-late}: the anomalies that reached the CEP operator behind its watermark,
 *       which CEP cannot use; they are counted ({@link LateAnomalyCounter}) and handed to the job
 *       so it can still report them, never lost silently.
 * </ol>
 */
public final class PatternStreams {
    public static final String CANDIDATES_UID_SUFFIX = "-candidates";
    public static final String CEP_UID_SUFFIX = "-cep";
    public static final String LATE_UID_SUFFIX = "-late";

    private static final TypeInformation<Anomaly> ANOMALY = TypeInformation.of(Anomaly.class);
    private static final TypeInformation<PatternMatch> MATCH =
            TypeInformation.of(PatternMatch.class);

    private PatternStreams() {}

    /**
     * The matches of one or more patterns, and the anomalies that were late for them. An anomaly
     * late for several patterns is in {@code late} once per pattern (de-duplicate by {@code
     * anomaly_id}); an anomaly late for one pattern may still be a member of another's match.
     */
    public record Output(DataStream<PatternMatch> matches, DataStream<Anomaly> late) {}

    /** Runs one pattern; {@code matches} is the CEP operator itself. */
    public static Output apply(DataStream<Anomaly> anomalies, IncidentPattern pattern) {
        String prefix = pattern.uidPrefix();
        OutputTag<Anomaly> lateTag = lateTag(pattern);

        SingleOutputStreamOperator<Anomaly> candidates =
                anomalies
                        .filter(new PatternCandidates(pattern))
                        .setParallelism(anomalies.getParallelism())
                        .uid(prefix + CANDIDATES_UID_SUFFIX)
                        .name("Candidates of " + pattern.name());
        SingleOutputStreamOperator<PatternMatch> matches =
                CEP.pattern(
                                candidates.keyBy(pattern.subject(), Types.STRING),
                                pattern.pattern(),
                                pattern.order())
                        .inEventTime()
                        .sideOutputLateData(lateTag)
                        .process(pattern.matchFunction(), MATCH)
                        .uid(pattern.uid())
                        .name(pattern.operatorName());
        DataStream<Anomaly> late =
                matches.getSideOutput(lateTag)
                        .map(new LateAnomalyCounter())
                        .returns(ANOMALY)
                        .uid(prefix + LATE_UID_SUFFIX)
                        .name("Late for " + pattern.name());
        return new Output(matches, late);
    }

    /** Where the CEP operator of {@code pattern} puts the anomalies behind its watermark. */
    static OutputTag<Anomaly> lateTag(IncidentPattern pattern) {
        return new OutputTag<>(pattern.uidPrefix() + LATE_UID_SUFFIX, ANOMALY);
    }

    /** Runs every pattern and unions their matches and their late anomalies. */
    public static Output applyAll(DataStream<Anomaly> anomalies, List<IncidentPattern> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no patterns to apply");
        }
        List<DataStream<PatternMatch>> matches = new ArrayList<>();
        List<DataStream<Anomaly>> late = new ArrayList<>();
        for (IncidentPattern pattern : patterns) {
            Output one = apply(anomalies, pattern);
            matches.add(one.matches());
            late.add(one.late());
        }
        return new Output(union(matches), union(late));
    }

    /**
     * Event time for anomalies is the end of the window they were detected in: it is derived from
     * the data, so replays see the same times, unlike the time a record was written. Give the
     * watermark enough slack for the slowest detector: anomalies behind it are late for CEP.
     */
    public static WatermarkStrategy<Anomaly> watermarks(Duration maxOutOfOrderness) {
        return WatermarkStrategy.<Anomaly>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner((anomaly, recordTimestamp) -> anomaly.windowEnd);
    }

    @SuppressWarnings("unchecked")
    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        DataStream<T> first = streams.get(0);
        return streams.size() == 1
                ? first
                : first.union(streams.subList(1, streams.size()).toArray(new DataStream[0]));
    }
}
