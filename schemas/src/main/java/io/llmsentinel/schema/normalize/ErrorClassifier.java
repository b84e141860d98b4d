package io.llmsentinel.schema.normalize;

import io.llmsentinel.schema.ErrorClass;
import java.util.List;
import java.util.Locale;

/**
 * Derives the {@link ErrorClass} of a failed call from what telemetry says about the failure: an
 * HTTP status code, error type names ({@code error.type}, the exception's type: SDK class names
 * such as {@code RateLimitError} or API codes such as {@code rate_limit_exceeded}) and messages
 * that start with a status (OpenAI's SDKs write {@code "429 Rate limit reached ..."}).
 *
 * <p>Precedence: a content-filter name first (Azure reports a blocked prompt as HTTP 400, which is
 * not a client bug), then the HTTP status, then names, then a status at the start of a message.
 * Nothing recognisable gives null: rules must not guess.
 */
public final class ErrorClassifier {
    private static final String[] CONTENT_FILTER = {
        "contentfilter",
        "contentpolicy",
        "contentmanagement",
        "responsibleai",
        "safety",
        "moderation"
    };
    private static final String[] RATE_LIMIT = {
        "ratelimit", "toomanyrequests", "throttl", "resourceexhausted", "quota"
    };
    private static final String[] TIMEOUT = {"timeout", "timedout", "deadlineexceeded"};
    private static final String[] SERVER = {
        "internalserver",
        "serviceunavailable",
        "serverunavailable",
        "overloaded",
        "badgateway",
        "servererror",
        "unavailable"
    };
    private static final String[] CLIENT = {
        "badrequest",
        "invalidrequest",
        "invalidargument",
        "authentication",
        "unauthorized",
        "permissiondenied",
        "forbidden",
        "notfound",
        "unprocessable",
        "conflict",
        "validation",
        "contextlengthexceeded",
        "contextwindowexceeded"
    };

    private ErrorClassifier() {}

    /** The class of an error known only by its type (our JSON input). */
    public static ErrorClass classify(String errorType) {
        return classify(null, List.of(errorType == null ? "" : errorType), List.of());
    }

    /**
     * @param httpStatus the response status, when telemetry has one
     * @param names error type names, most specific first; nulls are skipped
     * @param messages error messages that may start with an HTTP status; nulls are skipped
     */
    public static ErrorClass classify(Long httpStatus, List<String> names, List<String> messages) {
        for (String name : names) {
            if (name != null && matches(squash(name), CONTENT_FILTER)) {
                return ErrorClass.CONTENT_FILTER;
            }
        }
        ErrorClass byStatus = ofStatus(httpStatus);
        if (byStatus != null) {
            return byStatus;
        }
        for (String name : names) {
            ErrorClass c = ofName(name);
            if (c != null) {
                return c;
            }
        }
        for (String message : messages) {
            ErrorClass c = ofStatus(leadingStatus(message));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** 429 throttled, 408 and 504 timed out, other 5xx server, other 4xx client. */
    public static ErrorClass ofStatus(Long status) {
        if (status == null) {
            return null;
        }
        long s = status;
        if (s == 429) {
            return ErrorClass.RATE_LIMIT;
        }
        if (s == 408 || s == 504) {
            return ErrorClass.TIMEOUT;
        }
        if (s >= 500 && s <= 599) {
            return ErrorClass.SERVER;
        }
        if (s >= 400 && s <= 499) {
            return ErrorClass.CLIENT;
        }
        return null;
    }

    private static ErrorClass ofName(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.trim();
        if (isStatusCode(trimmed)) {
            return ofStatus(Long.parseLong(trimmed));
        }
        String s = squash(trimmed);
        if (matches(s, RATE_LIMIT)) {
            return ErrorClass.RATE_LIMIT;
        }
        if (matches(s, TIMEOUT)) {
            return ErrorClass.TIMEOUT;
        }
        if (matches(s, SERVER)) {
            return ErrorClass.SERVER;
        }
        if (matches(s, CLIENT)) {
            return ErrorClass.CLIENT;
        }
        return null;
    }

    /** "429 Rate limit reached" gives 429; anything else null. */
    static Long leadingStatus(String message) {
        if (message == null) {
            return null;
        }
        String m = message.trim();
        if (m.length() < 3 || !isStatusCode(m.substring(0, 3))) {
            return null;
        }
        if (m.length() > 3 && Character.isLetterOrDigit(m.charAt(3))) {
            return null; // "4290 items", "500ms"
        }
        return Long.parseLong(m.substring(0, 3));
    }

    private static boolean isStatusCode(String s) {
        return s.length() == 3
                && (s.charAt(0) == '4' || s.charAt(0) == '5')
                && isAsciiDigit(s.charAt(1))
                && isAsciiDigit(s.charAt(2));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** "Rate_Limit-Exceeded" and "RateLimitExceeded" both become "ratelimitexceeded". */
    private static String squash(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean matches(String squashed, String[] fragments) {
        for (String f : fragments) {
            if (squashed.contains(f)) {
                return true;
            }
        }
        return false;
    }
}
