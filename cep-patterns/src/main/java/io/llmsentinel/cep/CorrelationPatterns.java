package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** The CEP patterns the correlation job runs over {@code llm.anomalies}. */
public final class CorrelationPatterns {
    public static final Duration DEFAULT_INCIDENT_WINDOW = Duration.ofMinutes(10);

    /** Savepoints map the CEP operator's state (partial matches) by this uid: never change it. */
    public static final String CORRELATED_INCIDENT_UID = "correlation-incident-cep";

    static final String FIRST = "first";
    static final String SECOND = "second";

    private CorrelationPatterns() {}

    /**
     * An OPEN anomaly from one detector followed, within {@code within} of event time, by an OPEN
     * anomaly from a different detector. Flink CEP counts the window from the first event and
     * excludes its end: a delay of exactly {@code within} does not match. Apply it to a stream
     * keyed by subject ({@link AnomalySubjectKey}). Records from the correlation detector itself
     * are ignored, so incidents never correlate with each other.
     *
     * <p>After a match, partial matches that started before its last event are discarded (skip past
     * last event): a burst of anomalies on one subject yields one incident, not one per pair of
     * them.
     */
    public static Pattern<Anomaly, Anomaly> correlatedIncident(Duration within) {
        Objects.requireNonNull(within, "within");
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("within must be positive: " + within);
        }
        return Pattern.<Anomaly>begin(FIRST, AfterMatchSkipStrategy.skipPastLastEvent())
                .where(new OpenFromADetector())
                .followedBy(SECOND)
                .where(new OpenFromAnotherDetector())
                .within(within);
    }

    /**
     * Keys {@code anomalies} by subject and emits one correlated-incident anomaly per match. The
     * input must carry event-time timestamps and watermarks (see {@link #watermarks(Duration)});
     * anomalies behind the watermark are dropped by CEP and counted in its {@code
     * numLateRecordsDropped} metric, so give the watermark enough slack for the slowest detector.
     */
    public static SingleOutputStreamOperator<Anomaly> correlatedIncidents(
            DataStream<Anomaly> anomalies, Duration within) {
        return CEP.pattern(
                        anomalies.keyBy(new AnomalySubjectKey(), Types.STRING),
                        correlatedIncident(within),
                        new AnomalyOrder())
                .inEventTime()
                .process(new CorrelatedIncidentFunction(), TypeInformation.of(Anomaly.class))
                .uid(CORRELATED_INCIDENT_UID)
                .name("Correlated incidents: two detectors within " + within.toSeconds() + " s");
    }

    /**
     * Event time for anomalies is the end of the window they were detected in: it is derived from
     * the data, so replays see the same times, unlike the time a record was written.
     */
    public static WatermarkStrategy<Anomaly> watermarks(Duration maxOutOfOrderness) {
        return WatermarkStrategy.<Anomaly>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner((anomaly, recordTimestamp) -> anomaly.windowEnd);
    }

    static boolean isOpenDetectorAnomaly(Anomaly a) {
        return Anomaly.STATUS_OPEN.equals(a.status)
                && a.detector != null
                && !CorrelatedIncidentFunction.DETECTOR.equals(a.detector);
    }

    private static final class OpenFromADetector extends SimpleCondition<Anomaly> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(Anomaly a) {
            return isOpenDetectorAnomaly(a);
        }
    }

    private static final class OpenFromAnotherDetector extends IterativeCondition<Anomaly> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(Anomaly a, Context<Anomaly> ctx) throws Exception {
            if (!isOpenDetectorAnomaly(a)) {
                return false;
            }
            for (Anomaly first : ctx.getEventsForPattern(FIRST)) {
                if (first.detector.equals(a.detector)) {
                    return false;
                }
            }
            return true;
        }
    }
}
