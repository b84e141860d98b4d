package io.llmsentinel.cep;

import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns one CEP match into a {@link PatternMatch}: the members in event-time order, the subject
 * fields at the pattern's level, the pattern's title, root cause and severity, and an id derived
 * from the pattern, the subject and the member ids only, so a replay yields the same id.
 */
final class PatternMatchFunction extends PatternProcessFunction<Anomaly, PatternMatch> {
    private static final long serialVersionUID = 1L;

    /** The prefix of match ids. */
    static final String MATCH_ID_PREFIX = "match";

    private final IncidentPattern pattern;

    PatternMatchFunction(IncidentPattern pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public void processMatch(
            Map<String, List<Anomaly>> match, Context ctx, Collector<PatternMatch> out) {
        List<Anomaly> members = new ArrayList<>();
        match.values().forEach(members::addAll);
        out.collect(build(pattern, members, ctx.timestamp()));
    }

    /** The match of {@code members} (in any order), completed at event time {@code matchedAt}. */
    static PatternMatch build(IncidentPattern pattern, List<Anomaly> members, long matchedAt) {
        List<Anomaly> ordered = new ArrayList<>(members);
        ordered.sort(memberOrder(pattern));
        Anomaly first = ordered.get(0);

        PatternMatch m = new PatternMatch();
        m.pattern = pattern.name();
        m.subjectKey = pattern.subject().getKey(first);
        pattern.subject().copyTo(first, m);
        m.members = ordered;
        m.title = pattern.title(ordered);
        m.rootCause = pattern.rootCause(ordered);
        m.severity = pattern.severity(ordered).wire();
        m.matchedAt = matchedAt;
        m.matchId = matchId(pattern.name(), m.subjectKey, ordered);
        return m;
    }

    /** Event time (the window end the job assigns as timestamp), then the order CEP used. */
    static Comparator<Anomaly> memberOrder(IncidentPattern pattern) {
        return Comparator.<Anomaly>comparingLong(a -> a.windowEnd).thenComparing(pattern.order());
    }

    private static String matchId(String pattern, String subjectKey, List<Anomaly> ordered) {
        String[] parts = new String[ordered.size() + 1];
        parts[0] = subjectKey;
        for (int i = 0; i < ordered.size(); i++) {
            parts[i + 1] = ordered.get(i).anomalyId;
        }
        // EpisodeIds is the project's length-prefixed, replay-stable hash of named parts.
        return EpisodeIds.of(
                MATCH_ID_PREFIX, pattern, SubjectKeys.of(parts), ordered.get(0).windowEnd);
    }
}
