package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.normalize.EventNormalizer;

/**
 * Decodes our llm-event v1 JSON. Unknown fields are ignored so producers can add fields before we
 * read them; every problem becomes a precise rejection (which field, wrong type or out of range).
 * Accepted events are normalised like OTLP ones ({@link EventNormalizer}), and a system prompt sent
 * as text is reduced to its hash and length unless {@link ContentOptions} says to capture it.
 */
public final class JsonEventDecoder implements RecordDecoder {
    private final JsonEventReader reader;
    private final EventValidator validator;
    private final ValidationLimits limits;
    private final ContentOptions content;

    public JsonEventDecoder(ValidationLimits limits) {
        this(limits, ContentOptions.DEFAULTS);
    }

    public JsonEventDecoder(ValidationLimits limits, ContentOptions content) {
        this.limits = limits;
        this.content = content;
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
        EventNormalizer.normalize(event);
        SystemPrompts.apply(event, content);
        Rejection rejection = validator.validate(event, referenceTime);
        return rejection == null ? DecodeResult.accepted(event) : DecodeResult.rejected(rejection);
    }
}
