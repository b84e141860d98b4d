package io.llmsentinel.jobs.savepoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The restore check of a fixture: today's graph, restored from the committed savepoint and fed the
 * rest of the input, must emit exactly what a continuous run over the whole input emits after the
 * outputs committed with the fixture. That rules out a second warm-up (baselines lost), a duplicate
 * episode (episode state lost) and a missing resolve (timers lost).
 */
final class FixtureCheck {
    /** Stamped with the wall clock by ingest: not part of what a run computes. */
    private static final Set<String> WALL_CLOCK_FIELDS = Set.of("ingest_time");

    private FixtureCheck() {}

    /** What a restore gave, for the report. */
    record Result(int before, int after, int continuous, int episodesResolvedAfterRestore) {}

    static Result verify(SavepointFixture fixture) throws Exception {
        Map<String, List<String>> before = fixture.outputsBefore();
        Map<String, List<String>> after =
                FixtureRunner.runToEnd(
                        fixture.job(),
                        fixture.input(),
                        fixture.inputRecords(),
                        fixture.config(),
                        fixture.savepointPath());
        Map<String, List<String>> continuous =
                FixtureRunner.runToEnd(
                        fixture.job(),
                        fixture.input(),
                        fixture.inputRecords(),
                        fixture.config(),
                        null);
        Set<String> kinds = new TreeSet<>(continuous.keySet());
        kinds.addAll(before.keySet());
        kinds.addAll(after.keySet());
        for (String kind : kinds) {
            List<String> restored = new ArrayList<>(before.getOrDefault(kind, List.of()));
            restored.addAll(after.getOrDefault(kind, List.of()));
            System.out.printf(
                    "  %s %s: %d before the savepoint + %d after the restore, %d in a continuous"
                            + " run%n",
                    fixture,
                    kind,
                    before.getOrDefault(kind, List.of()).size(),
                    after.getOrDefault(kind, List.of()).size(),
                    continuous.getOrDefault(kind, List.of()).size());
            assertSameRecords(
                    fixture + " " + kind, normalise(restored), normalise(continuous.get(kind)));
        }
        int resolved = 0;
        if (continuous.containsKey("anomalies")) {
            List<Anomaly> b = anomalies(before.get("anomalies"));
            List<Anomaly> a = anomalies(after.get("anomalies"));
            List<Anomaly> all = new ArrayList<>(b);
            all.addAll(a);
            assertThat(all)
                    .as(fixture + ": anomaly records")
                    .extracting(x -> x.anomalyId)
                    .doesNotHaveDuplicates();
            resolved = resolvedAcrossTheCut(b, a);
        }
        return new Result(count(before), count(after), count(continuous), resolved);
    }

    /** Episodes opened before the savepoint and resolved after it, with the same episode id. */
    static int resolvedAcrossTheCut(List<Anomaly> before, List<Anomaly> after) {
        Set<String> openBefore =
                before.stream()
                        .filter(x -> x.status.equals(Anomaly.STATUS_OPEN))
                        .map(x -> x.episodeId)
                        .collect(Collectors.toSet());
        before.stream()
                .filter(x -> x.status.equals(Anomaly.STATUS_RESOLVED))
                .forEach(x -> openBefore.remove(x.episodeId));
        return (int)
                after.stream()
                        .filter(x -> x.status.equals(Anomaly.STATUS_RESOLVED))
                        .filter(x -> openBefore.contains(x.episodeId))
                        .count();
    }

    private static void assertSameRecords(String what, List<String> actual, List<String> expected) {
        Map<String, Integer> diff = new HashMap<>();
        expected.forEach(e -> diff.merge(e, 1, Integer::sum));
        actual.forEach(a -> diff.merge(a, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        diff.forEach(
                (record, n) -> {
                    for (int i = 0; i < Math.abs(n); i++) {
                        (n > 0 ? missing : unexpected).add(record);
                    }
                });
        assertThat(missing.size() + unexpected.size())
                .as(
                        "%s: before the savepoint + after the restore should equal a continuous"
                                + " run (%d vs %d records); missing after restore (first 3): %s;"
                                + " not in the continuous run (first 3): %s",
                        what,
                        actual.size(),
                        expected.size(),
                        missing.stream().limit(3).toList(),
                        unexpected.stream().limit(3).toList())
                .isZero();
    }

    private static List<String> normalise(List<String> records) {
        List<String> out = new ArrayList<>(records == null ? 0 : records.size());
        if (records == null) {
            return out;
        }
        for (String r : records) {
            JsonNode node = Codecs.fromJson(r, JsonNode.class);
            if (node instanceof ObjectNode o) {
                WALL_CLOCK_FIELDS.forEach(o::remove);
            }
            out.add(node.toString());
        }
        return out;
    }

    private static List<Anomaly> anomalies(List<String> json) {
        List<Anomaly> out = new ArrayList<>();
        if (json != null) {
            json.forEach(j -> out.add(Codecs.fromJson(j, Anomaly.class)));
        }
        return out;
    }

    private static int count(Map<String, List<String>> outputs) {
        return outputs.values().stream().mapToInt(List::size).sum();
    }
}
