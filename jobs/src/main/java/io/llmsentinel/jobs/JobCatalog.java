package io.llmsentinel.jobs;

import io.llmsentinel.jobs.cost.CostJob;
import io.llmsentinel.jobs.drift.DriftJob;
import io.llmsentinel.jobs.ingest.IngestConfig;
import io.llmsentinel.jobs.ingest.IngestJob;
import io.llmsentinel.jobs.ingest.RawRecord;
import io.llmsentinel.jobs.latency.LatencyJob;
import io.llmsentinel.jobs.security.SecurityJob;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Every job of the suite, in the order the local run starts them (upstream first). The launcher,
 * the local run, replay, the benchmarks, the configuration namespaces and the graph tests all
 * iterate this list: adding a job is its definition plus one line here.
 */
public final class JobCatalog {
    /** Canonical events from the raw topics. */
    public static final SentinelJob<RawRecord, IngestConfig, IngestJob.Outputs> INGEST =
            IngestJob.JOB;

    /** The detectors, each reading the canonical events and writing anomalies. */
    private static final List<SentinelJob<LlmEvent, ?, DataStream<Anomaly>>> DETECTORS =
            List.of(LatencyJob.JOB, CostJob.JOB, DriftJob.JOB, SecurityJob.JOB);

    private JobCatalog() {}

    public static List<SentinelJob<?, ?, ?>> all() {
        List<SentinelJob<?, ?, ?>> all = new ArrayList<>();
        all.add(INGEST);
        all.addAll(DETECTORS);
        return List.copyOf(all);
    }

    public static List<SentinelJob<LlmEvent, ?, DataStream<Anomaly>>> detectors() {
        return DETECTORS;
    }

    public static SentinelJob<?, ?, ?> byName(String name) {
        return all().stream()
                .filter(j -> j.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown job '"
                                                + name
                                                + "'; available: "
                                                + all().stream().map(SentinelJob::name).toList()));
    }

    /** Key prefixes owned by LLM-Sentinel: the shared ones and one per job. */
    public static List<String> namespaces() {
        List<String> out = new ArrayList<>(List.of("kafka.", "job."));
        all().forEach(j -> out.add(j.namespace()));
        return out;
    }
}
