package io.llmsentinel.bench;

import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.SentinelJob;
import java.util.Locale;

/**
 * A job of the catalog as the harness measures it, with the reference line it is compared against:
 * ingest against source-parse-discard, every detector against source-keyby-count-discard over the
 * same events topic.
 */
record BenchJob(SentinelJob<?, ?, ?> job) {
    static final BenchJob INGEST = new BenchJob(JobCatalog.INGEST);

    String wireName() {
        return job.name();
    }

    /** True for the jobs that read canonical events and write anomalies. */
    boolean detector() {
        return JobCatalog.detectors().contains(job);
    }

    String label(Pipeline pipeline) {
        return switch (pipeline) {
            case BASELINE -> detector() ? "source-keyby-count-discard" : "source-parse-discard";
            case JOB -> wireName() + "-rocksdb-eo";
        };
    }

    static BenchJob parse(String name) {
        return new BenchJob(JobCatalog.byName(name.trim().toLowerCase(Locale.ROOT)));
    }
}
