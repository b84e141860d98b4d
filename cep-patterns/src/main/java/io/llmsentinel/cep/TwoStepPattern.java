package io.llmsentinel.cep;

import io.llmsentinel.schema.Anomaly;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/**
 * The shape all our patterns share: a first member, then (relaxed contiguity: other anomalies of
 * the subject may come in between) a second member that fits the first, within the window. A
 * subclass says which anomalies may start a match and which may complete it.
 *
 * <p>After a match, every partial match that started at or before its last member is discarded
 * (skip past last event): a burst of anomalies on one subject yields one match, and the later
 * members are the correlation job's to absorb into the incident the match opened. Two members are
 * enough to know the anomalies belong together; waiting for more would only delay the incident.
 */
abstract class TwoStepPattern implements IncidentPattern {
    private static final long serialVersionUID = 1L;

    static final String FIRST = "first";
    static final String SECOND = "second";

    private final String name;
    private final PatternSubject subject;
    private final String uidPrefix;
    private final Duration within;

    TwoStepPattern(String name, PatternSubject subject, String uidPrefix, Duration within) {
        this.name = Objects.requireNonNull(name, "name");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.uidPrefix = Objects.requireNonNull(uidPrefix, "uidPrefix");
        this.within = PatternWindows.requirePositive(within, name);
    }

    /**
     * Whether {@code a} (an open detector anomaly of the subject) may start a match: any member
     * unless the pattern is "cause, then effect".
     */
    boolean canStart(Anomaly a) {
        return isMemberType(a);
    }

    /** Whether {@code next} completes the match {@code first} started. */
    abstract boolean canFollow(Anomaly first, Anomaly next);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final PatternSubject subject() {
        return subject;
    }

    @Override
    public final String uidPrefix() {
        return uidPrefix;
    }

    @Override
    public final Duration within() {
        return within;
    }

    @Override
    public final Pattern<Anomaly, Anomaly> pattern() {
        return Pattern.<Anomaly>begin(FIRST, AfterMatchSkipStrategy.skipPastLastEvent())
                .where(new FirstMember(this))
                .followedBy(SECOND)
                .where(new SecondMember(this))
                .within(within);
    }

    private static final class FirstMember extends SimpleCondition<Anomaly> {
        private static final long serialVersionUID = 1L;

        private final TwoStepPattern pattern;

        FirstMember(TwoStepPattern pattern) {
            this.pattern = Objects.requireNonNull(pattern);
        }

        @Override
        public boolean filter(Anomaly a) {
            return OpenAnomalies.isOpenDetectorAnomaly(a) && pattern.canStart(a);
        }
    }

    private static final class SecondMember extends IterativeCondition<Anomaly> {
        private static final long serialVersionUID = 1L;

        private final TwoStepPattern pattern;

        SecondMember(TwoStepPattern pattern) {
            this.pattern = Objects.requireNonNull(pattern);
        }

        @Override
        public boolean filter(Anomaly a, Context<Anomaly> ctx) throws Exception {
            if (!OpenAnomalies.isOpenDetectorAnomaly(a)) {
                return false;
            }
            Iterator<Anomaly> first = ctx.getEventsForPattern(FIRST).iterator();
            return first.hasNext() && pattern.canFollow(first.next(), a);
        }
    }
}
