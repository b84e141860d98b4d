package io.llmsentinel.cep;

import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.RootCauseHint;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.flink.cep.EventComparator;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.pattern.Pattern;

/**
 * What every correlation pattern provides: its name on the wire, the subject it keys by, its CEP
 * pattern (with its {@code within} window and after-match skip strategy), its operator uids, and
 * how a match is described (title, root cause, severity). {@link PatternStreams#apply} runs one.
 *
 * <p>Serializable: the CEP conditions and the match function hold the pattern they belong to.
 */
public interface IncidentPattern extends Serializable {
    /** The wire name: the {@code pattern} field of the match and of the incident. */
    String name();

    /** The subject every member shares; the CEP operator is keyed by it. */
    PatternSubject subject();

    /**
     * How long after its first member a match may complete. CEP counts from the first member's
     * timestamp and excludes the end: a second member exactly {@code within} later does not match,
     * and the partial match is pruned once the watermark reaches the end.
     */
    Duration within();

    /** Whether {@code a}'s type can play a part in this pattern at all. */
    boolean isMemberType(Anomaly a);

    /** The Flink CEP pattern, with its {@code within} and its after-match skip strategy. */
    Pattern<Anomaly, Anomaly> pattern();

    /**
     * The stable prefix of this pattern's operator uids (candidate filter, CEP operator, late
     * counter: see {@link PatternStreams}). Savepoints map state by uid: never change one.
     */
    String uidPrefix();

    /** The uid of the CEP operator, the one holding the partial matches. */
    default String uid() {
        return uidPrefix() + PatternStreams.CEP_UID_SUFFIX;
    }

    /** A readable operator name for the Flink UI and logs. */
    default String operatorName() {
        return "Pattern "
                + name()
                + " by "
                + subject().name().toLowerCase(Locale.ROOT)
                + " within "
                + within();
    }

    /** Orders members that share a timestamp; see {@link CausesFirst} for why it can matter. */
    default EventComparator<Anomaly> order() {
        return new AnomalyOrder();
    }

    /** Whether {@code a} may reach the CEP operator: an open detector anomaly of a member type. */
    default boolean accepts(Anomaly a) {
        return OpenAnomalies.isOpenDetectorAnomaly(a) && subject().covers(a) && isMemberType(a);
    }

    /** One line for a person; {@code members} are in event-time order. */
    String title(List<Anomaly> members);

    /** The member the match most likely started from, and why. */
    RootCauseHint rootCause(List<Anomaly> members);

    /** The match's severity: the highest of its members unless the pattern knows better. */
    default Severity severity(List<Anomaly> members) {
        Severity max = Severity.INFO;
        for (Anomaly a : members) {
            max = Severity.max(max, Severity.fromWire(a.severity));
        }
        return max;
    }

    /** Turns a CEP match into a {@link PatternMatch}. */
    default PatternProcessFunction<Anomaly, PatternMatch> matchFunction() {
        return new PatternMatchFunction(this);
    }
}
