package io.llmsentinel.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints each run as it ends and the markdown table at the end. */
final class Report {
    private final PrintStream out;
    private final int cores;
    private final List<RunResult> results = new ArrayList<>();

    Report(PrintStream out, int cores) {
        this.out = out;
        this.cores = cores;
    }

    void warmUp(RunResult r) {
        out.printf(Locale.ROOT, "  warm-up  %s (discarded)%n", line(r));
    }

    void measured(RunResult r) {
        results.add(r);
        out.printf(Locale.ROOT, "  measured %s%n", line(r));
    }

    boolean allChecksPassed() {
        return results.stream().allMatch(r -> r.problems().isEmpty());
    }

    private static String line(RunResult r) {
        StringBuilder s =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "%-34s %6.2f s  %9s rec/s  %9s ev/s  state=%s",
                                r.spec().id(),
                                r.wallSeconds(),
                                k(r.recordsPerSecond()),
                                k(r.eventsPerSecond()),
                                r.stateBackend()));
        if (r.spec().pipeline() == Pipeline.JOB && r.spec().job().detector()) {
            s.append(
                    String.format(
                            Locale.ROOT,
                            "  committed %d anomalies  %s",
                            r.anomalies(),
                            checkText(r)));
        } else if (r.spec().pipeline() == Pipeline.JOB) {
            s.append(
                    String.format(
                            Locale.ROOT,
                            "  committed %d events + %d dead letters  last decode at %.2f s  %s",
                            r.events(),
                            r.deadLetters(),
                            r.decodeSeconds(),
                            checkText(r)));
        }
        return s.toString();
    }

    private static String checkText(RunResult r) {
        return r.problems().isEmpty() ? "check ok" : "CHECK FAILED " + r.problems();
    }

    /** One row per (job, format, pipeline, p), in the order of their first run. */
    void printTable() {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(key(r.spec(), r.spec().pipeline()), x -> new ArrayList<>())
                    .add(r);
        }
        out.println();
        out.println(
                "| job | format | pipeline | p | records | events | median events/s"
                        + " | range events/s | per core | median records/s"
                        + " | events/s to last decode | job/baseline | checks |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (List<RunResult> runs : groups.values()) {
            RunSpec spec = runs.get(0).spec();
            Stats events = Stats.of(runs.stream().map(RunResult::eventsPerSecond).toList());
            Stats records = Stats.of(runs.stream().map(RunResult::recordsPerSecond).toList());
            Stats toDecode =
                    Stats.ofFinite(
                            runs.stream().map(RunResult::eventsPerSecondToLastDecode).toList());
            String ratio = "-";
            if (spec.pipeline() == Pipeline.JOB) {
                List<RunResult> base = groups.get(key(spec, Pipeline.BASELINE));
                if (base != null) {
                    double b =
                            Stats.of(base.stream().map(RunResult::eventsPerSecond).toList())
                                    .median();
                    ratio = String.format(Locale.ROOT, "%.2f", events.median() / b);
                }
            }
            long failed = runs.stream().filter(r -> !r.problems().isEmpty()).count();
            out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %d | %,d | %,d | %s | %s - %s | %s | %s | %s | %s | %s |%n",
                    spec.job().wireName(),
                    spec.data().formatName(),
                    spec.label(),
                    spec.parallelism(),
                    spec.data().records(),
                    runs.get(0).events(),
                    k(events.median()),
                    k(events.min()),
                    k(events.max()),
                    k(events.median() / Math.min(spec.parallelism(), cores)),
                    k(records.median()),
                    Double.isNaN(toDecode.median()) ? "-" : k(toDecode.median()),
                    ratio,
                    checks(spec, runs, failed));
        }
    }

    /** Passed runs, and for a detector the anomaly count (the same in every run if all pass). */
    private static String checks(RunSpec spec, List<RunResult> runs, long failed) {
        if (spec.pipeline() == Pipeline.BASELINE) {
            return "n/a";
        }
        String verdict = failed == 0 ? runs.size() + " ok" : failed + " FAILED";
        if (!spec.job().detector()) {
            return verdict;
        }
        String counts =
                runs.stream()
                        .map(RunResult::anomalies)
                        .distinct()
                        .map(String::valueOf)
                        .collect(Collectors.joining("/"));
        return verdict + ", " + counts + " anomalies";
    }

    private static String key(RunSpec spec, Pipeline pipeline) {
        return spec.job()
                + "/"
                + spec.data().formatName()
                + "/"
                + pipeline
                + "/"
                + spec.parallelism();
    }

    /** 253412.7 -> "253.4K". */
    static String k(double perSecond) {
        return String.format(Locale.ROOT, "%.1fK", perSecond / 1000);
    }
}
