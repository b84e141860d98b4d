package io.llmsentinel.bench;

/**
 * Canonical events in an {@code llm.events}-like topic, one per record, as ingest writes them: the
 * input of the detector jobs.
 *
 * @param valueBytes total size of the record values, before Kafka compression
 * @param simulatedMinutes event-time span of the data: detector state and output depend on it
 */
record EventDataset(String topic, long events, long valueBytes, long simulatedMinutes)
        implements Dataset {
    /** The JSON schema name of canonical events (schemas/llm-event). */
    static final String FORMAT = "llm-event";

    @Override
    public String formatName() {
        return FORMAT;
    }

    @Override
    public long records() {
        return events;
    }

    @Override
    public double meanRecordBytes() {
        return events == 0 ? 0 : (double) valueBytes / events;
    }
}
