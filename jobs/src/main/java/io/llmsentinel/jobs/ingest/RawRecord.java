package io.llmsentinel.jobs.ingest;

/**
 * One input record before decoding, with where it came from so a dead letter can point back to it.
 * A Flink POJO.
 */
public class RawRecord {
    /** The wire name of the record's {@link io.llmsentinel.schema.SourceFormat}. */
    public String format;

    public String topic;
    public int partition = -1;
    public long offset = -1;

    /** Kafka record timestamp, or -1 when the record did not come from Kafka. */
    public long timestamp = -1;

    public byte[] value;

    public RawRecord() {}

    public RawRecord(
            String format, String topic, int partition, long offset, long timestamp, byte[] value) {
        this.format = format;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.value = value;
    }
}
