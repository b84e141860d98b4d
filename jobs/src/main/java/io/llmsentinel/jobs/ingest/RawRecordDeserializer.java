package io.llmsentinel.jobs.ingest;

import io.llmsentinel.schema.SourceFormat;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps the raw bytes and the record's coordinates; decoding happens in {@link DecodeFunction} so
 * that a bad record becomes a dead letter there instead of an exception in the source, which would
 * fail the job and replay the same record forever.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
    private final Map<String, SourceFormat> topicFormats;

    public RawRecordDeserializer(Map<String, SourceFormat> topicFormats) {
        this.topicFormats = Map.copyOf(topicFormats);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        SourceFormat format = topicFormats.get(record.topic());
        out.collect(
                new RawRecord(
                        format == null ? null : format.wireName(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.timestamp(),
                        record.value() == null ? new byte[0] : record.value()));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
