package io.llmsentinel.bench;

import java.util.Arrays;
import java.util.Locale;

/** A job the harness measures, with the reference line it is compared against. */
enum BenchJob {
    /** Raw telemetry in, canonical events and dead letters out. */
    INGEST("source-parse-discard"),
    /** Canonical events in, latency anomalies out. */
    LATENCY("source-keyby-count-discard"),
    /** Canonical events in, cost anomalies out. */
    COST("source-keyby-count-discard"),
    /** Canonical events in, drift anomalies out. */
    DRIFT("source-keyby-count-discard"),
    /** Canonical events in (texts scanned), security anomalies out. */
    SECURITY("source-keyby-count-discard");

    private final String baselineLabel;

    BenchJob(String baselineLabel) {
        this.baselineLabel = baselineLabel;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the jobs that read canonical events and write anomalies. */
    boolean detector() {
        return this != INGEST;
    }

    String label(Pipeline pipeline) {
        return switch (pipeline) {
            case BASELINE -> baselineLabel;
            case JOB -> wireName() + "-rocksdb-eo";
        };
    }

    static BenchJob parse(String name) {
        return Arrays.stream(values())
                .filter(j -> j.wireName().equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown job '"
                                                + name
                                                + "': ingest, latency, cost, drift or security"));
    }
}
