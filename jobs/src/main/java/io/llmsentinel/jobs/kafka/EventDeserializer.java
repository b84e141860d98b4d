package io.llmsentinel.jobs.kafka;

import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads canonical events from {@code llm.events}. Ingest wrote them, so a record that does not
 * parse means a foreign producer or a contract break: it is counted and skipped rather than failing
 * the detector job (which would replay the same record forever).
 */
public final class EventDeserializer implements KafkaRecordDeserializationSchema<LlmEvent> {
    private transient Counter unreadable;

    @Override
    public void open(
            org.apache.flink.api.common.serialization.DeserializationSchema.InitializationContext
                    context) {
        unreadable = context.getMetricGroup().addGroup("sentinel").counter("unreadableEvents");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LlmEvent> out)
            throws IOException {
        if (record.value() == null) {
            return;
        }
        LlmEvent event;
        try {
            event = Codecs.fromJson(record.value(), LlmEvent.class);
        } catch (RuntimeException e) {
            if (unreadable != null) {
                unreadable.inc();
            }
            return;
        }
        out.collect(event);
    }

    @Override
    public TypeInformation<LlmEvent> getProducedType() {
        return TypeInformation.of(LlmEvent.class);
    }
}
