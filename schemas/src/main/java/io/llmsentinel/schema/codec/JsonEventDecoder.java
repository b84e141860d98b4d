package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;

/**
 * Decodes our llm-event v1 JSON. Unknown fields are ignored so producers can add fields before we
 * read them; every problem becomes a precise rejection (which field, wrong type or out of range).
 */
public final class JsonEventDecoder implements RecordDecoder {
    private final JsonEventReader reader;
    private final EventValidator validator;
    private final ValidationLimits limits;

    public JsonEventDecoder(ValidationLimits limits) {
        this.limits = limits;
        this.validator = new EventValidator(limits);
        JsonFactory factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(limits.maxJsonDepth())
                                        .maxStringLength(limits.maxRecordBytes())
                                        .build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build();
        this.reader = new JsonEventReader(factory);
    }

    @Override
    public DecodeResult decode(byte[] payload, long referenceTime) {
        if (payload.length > limits.maxRecordBytes()) {
            return DecodeResult.rejected(
                    Rejection.of(
                            DlqReason.OVERSIZED_RECORD,
                            null,
                            "record is "
                                    + payload.length
                                    + " bytes, limit "
                                    + limits.maxRecordBytes()));
        }
        LlmEvent event;
        try {
            event = reader.read(payload);
        } catch (RejectionException r) {
            return DecodeResult.rejected(r.rejection);
        }
        event.sourceFormat = SourceFormat.JSON.wireName();
        Rejection rejection = validator.validate(event, referenceTime);
        return rejection == null ? DecodeResult.accepted(event) : DecodeResult.rejected(rejection);
    }
}
