package io.llmsentinel.simulator.encode;

import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import java.util.function.Consumer;

/** Our llm-event v1 JSON, one event per record. */
public final class JsonRecordEncoder implements RecordEncoder {
    @Override
    public void encode(LlmEvent event, Consumer<EncodedRecord> out) {
        out.accept(
                new EncodedRecord(
                        RecordKeys.of(event), Codecs.toJsonBytes(event), event.eventTime, 1, null));
    }

    @Override
    public void flush(Consumer<EncodedRecord> out) {}
}
