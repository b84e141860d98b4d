package io.llmsentinel.schema;

import java.util.Locale;

/**
 * What kind of failure a call had, in a vocabulary small enough for rules to match on: the raw
 * {@code error_type} differs per SDK and instrumentation ({@code RateLimitError}, {@code 429},
 * {@code rate_limit_exceeded} all mean the same), {@code error_class} does not. The wire name is
 * the value of the llm-event field {@code error_class}.
 */
public enum ErrorClass {
    /** The provider throttled the caller (HTTP 429, quota, resource exhausted). */
    RATE_LIMIT,
    /** The call did not finish in time (HTTP 408/504, client or server timeouts). */
    TIMEOUT,
    /** The provider failed (HTTP 5xx, overloaded, unavailable). */
    SERVER,
    /** The request was refused as invalid or unauthorised (HTTP 4xx other than 408 and 429). */
    CLIENT,
    /** The provider's content filter or safety system blocked the request or the answer. */
    CONTENT_FILTER;

    /** The constant's name in lower case: rate_limit, content_filter... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class with this wire name, or null for anything else (including null). */
    public static ErrorClass fromWire(String wireName) {
        for (ErrorClass c : values()) {
            if (c.wireName().equals(wireName)) {
                return c;
            }
        }
        return null;
    }
}
