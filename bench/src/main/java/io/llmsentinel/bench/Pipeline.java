package io.llmsentinel.bench;

/** What one run measures; the graph behind each depends on the {@link BenchJob}. */
enum Pipeline {
    /**
     * The reference line: source and the unavoidable work, then discard; heap state, no
     * checkpoints. For ingest: parse. For the detectors: deserialize, keyBy(service), count.
     */
    BASELINE,
    /** The real job graph with exactly-once Kafka sinks; RocksDB, checkpoints every 5 s. */
    JOB
}
