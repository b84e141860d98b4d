package io.llmsentinel.bench;

/** What one run measures. */
enum Pipeline {
    /** KafkaSource -> parse -> discard; heap state, no checkpoints: the reference line. */
    BASELINE("source-parse-discard"),
    /** The real ingest graph with exactly-once Kafka sinks; RocksDB, checkpoints every 5 s. */
    INGEST("ingest-rocksdb-eo");

    private final String label;

    Pipeline(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
