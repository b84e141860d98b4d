package io.llmsentinel.detectors.drift;

import io.llmsentinel.detectors.common.RefusalRules;
import io.llmsentinel.schema.LlmEvent;
import java.util.List;
import java.util.Locale;

/** The categorical features whose mix the drift job compares. */
public enum CategoricalFeature {
    /** The first finish reason; "none" when the call reports none (errors, some providers). */
    FINISH_REASON,
    /** "none" for successful calls, so a new error type and a rising error share both show. */
    ERROR_TYPE,
    /** The model that answered: a provider's silent swap shows here under the requested model. */
    RESPONSE_MODEL,
    OPERATION,
    /** "refused" or "answered", by {@link RefusalRules}; only for calls with a response text. */
    REFUSAL;

    static final String NONE = "none";

    /** The category of {@code e}, or null when the event says nothing about this feature. */
    public String value(LlmEvent e) {
        return switch (this) {
            case FINISH_REASON -> first(e.responseFinishReasons);
            case ERROR_TYPE ->
                    LlmEvent.STATUS_ERROR.equals(e.status)
                            ? (e.errorType != null ? e.errorType : "unknown")
                            : NONE;
            case RESPONSE_MODEL -> e.responseModel;
            case OPERATION -> e.operationName;
            case REFUSAL ->
                    e.responseText == null
                            ? null
                            : RefusalRules.isRefusal(e.responseText) ? "refused" : "answered";
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0) == null ? NONE : values.get(0);
    }
}
