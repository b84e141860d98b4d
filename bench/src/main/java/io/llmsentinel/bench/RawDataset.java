package io.llmsentinel.bench;

import io.llmsentinel.schema.SourceFormat;

/**
 * A raw topic filled once per format: the input of the ingest job.
 *
 * @param records records in the topic (valid and hostile)
 * @param events valid canonical events inside them (several per OTLP request)
 * @param badRecords deliberately broken records: each should become one dead letter
 * @param valueBytes total size of the record values, before Kafka compression
 */
record RawDataset(
        String topic,
        SourceFormat format,
        long records,
        long events,
        long badRecords,
        long valueBytes)
        implements Dataset {

    @Override
    public String formatName() {
        return format.wireName();
    }

    @Override
    public double meanRecordBytes() {
        return records == 0 ? 0 : (double) valueBytes / records;
    }
}
