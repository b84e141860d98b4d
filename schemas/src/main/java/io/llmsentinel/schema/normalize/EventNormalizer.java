package io.llmsentinel.schema.normalize;

import io.llmsentinel.schema.ErrorClass;
import io.llmsentinel.schema.LlmEvent;

/**
 * Brings the fields that jobs key, price and count by into one vocabulary, whatever format and
 * instrumentation the event came from: the provider name ({@link ProviderNames}), the finish
 * reasons ({@link FinishReasons}) and, for failed calls, the error class ({@link ErrorClassifier}).
 * The raw {@code error_type} is kept as sent. Runs in every decoder before validation.
 */
public final class EventNormalizer {
    private EventNormalizer() {}

    /**
     * Normalises in place. An {@code error_class} already set (the OTLP mapper derives it from more
     * signals than the error type) is kept; a successful call never has one.
     */
    public static void normalize(LlmEvent e) {
        e.providerName = ProviderNames.normalize(e.providerName);
        e.responseFinishReasons = FinishReasons.normalize(e.responseFinishReasons);
        if (!isError(e)) {
            e.errorClass = null;
        } else if (e.errorClass == null) {
            ErrorClass c = ErrorClassifier.classify(e.errorType);
            e.errorClass = c == null ? null : c.wireName();
        }
    }

    /** Status may still be unset here (the validator derives it); an error type means a failure. */
    private static boolean isError(LlmEvent e) {
        return e.status == null ? e.errorType != null : e.isError();
    }
}
