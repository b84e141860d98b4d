package io.llmsentinel.jobs;

import io.llmsentinel.jobs.cost.CostJob;
import io.llmsentinel.jobs.drift.DriftJob;
import io.llmsentinel.jobs.ingest.IngestConfig;
import io.llmsentinel.jobs.ingest.IngestJob;
import io.llmsentinel.jobs.ingest.IngestOptions;
import io.llmsentinel.jobs.latency.LatencyJob;
import io.llmsentinel.jobs.security.SecurityJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every job of the suite, in the order the local run starts them (upstream first). */
public final class JobCatalog {
    private static final Map<String, SentinelJob> JOBS = new LinkedHashMap<>();

    static {
        register(
                SentinelJob.of(
                        IngestJob.NAME,
                        IngestOptions.class,
                        (env, conf) -> IngestJob.buildWithKafka(env, IngestConfig.from(conf))));
        register(LatencyJob.DEFINITION);
        register(CostJob.DEFINITION);
        register(DriftJob.DEFINITION);
        register(SecurityJob.DEFINITION);
    }

    private JobCatalog() {}

    private static void register(SentinelJob job) {
        JOBS.put(job.name(), job);
    }

    public static List<SentinelJob> all() {
        return List.copyOf(JOBS.values());
    }

    public static SentinelJob byName(String name) {
        SentinelJob job = JOBS.get(name);
        if (job == null) {
            throw new IllegalArgumentException(
                    "unknown job '" + name + "'; available: " + JOBS.keySet());
        }
        return job;
    }
}
