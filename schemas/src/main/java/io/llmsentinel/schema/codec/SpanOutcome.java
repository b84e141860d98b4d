package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.ErrorClass;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.normalize.ErrorClassifier;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a call failed, how (the raw {@code error_type}) and of which class, for every convention
 * alike. A span fails when its status is ERROR or it has {@code error.type}. The error type is
 * {@code error.type}, else the type of the exception the span recorded (OpenInference and
 * OpenLLMetry record one instead of setting error.type), else {@code _OTHER}. The class is derived
 * from all of it: {@code http.response.status_code}, the type names, and the exception and status
 * messages, which SDKs start with the HTTP status.
 */
final class SpanOutcome {
    /** The semantic-convention value of error.type when no better one is known. */
    static final String OTHER_ERROR = "_OTHER";

    private SpanOutcome() {}

    static void apply(Span span, AttributeSlots a, LlmEvent e) throws RejectionException {
        boolean statusError =
                span.getStatus().getCodeValue() == Status.StatusCode.STATUS_CODE_ERROR_VALUE;
        String errorType = a.string(OtlpAttribute.ERROR_TYPE);
        if (!statusError && errorType == null) {
            e.status = LlmEvent.STATUS_OK;
            return;
        }
        Span.Event exception = lastException(span);
        String exceptionType = exception == null ? null : eventText(exception, "exception.type");
        String exceptionMessage =
                exception == null ? null : eventText(exception, "exception.message");
        e.status = LlmEvent.STATUS_ERROR;
        e.errorType =
                errorType != null ? errorType : exceptionType != null ? exceptionType : OTHER_ERROR;
        ErrorClass c =
                ErrorClassifier.classify(
                        httpStatus(a),
                        Arrays.asList(errorType, exceptionType),
                        Arrays.asList(exceptionMessage, span.getStatus().getMessage()));
        e.errorClass = c == null ? null : c.wireName();
    }

    /** A status code that is not an integer is no signal, not a reason to reject the call. */
    private static Long httpStatus(AttributeSlots a) {
        try {
            return a.integer(OtlpAttribute.HTTP_RESPONSE_STATUS_CODE);
        } catch (RejectionException ex) {
            return null;
        }
    }

    private static Span.Event lastException(Span span) {
        List<Span.Event> events = span.getEventsList();
        for (int i = events.size() - 1; i >= 0; i--) {
            if ("exception".equals(events.get(i).getName())) {
                return events.get(i);
            }
        }
        return null;
    }

    private static String eventText(Span.Event event, String key) {
        for (KeyValue kv : event.getAttributesList()) {
            if (kv.getKey().equals(key)) {
                return AnyValues.textOrNull(kv.getValue());
            }
        }
        return null;
    }
}
