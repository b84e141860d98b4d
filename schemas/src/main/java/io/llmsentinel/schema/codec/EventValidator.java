package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides whether a decoded event is acceptable, shared by every input format so
 * that JSON and OTLP records obey the same rules. Hard problems (missing required field, value out
 * of range, event time outside the accepted window) reject the event; over-long text is truncated
 * and flagged instead, because losing a whole call's telemetry over a long prompt would blind the
 * detectors.
 */
public final class EventValidator {
    static final int MAX_ID_CHARS = 256;
    static final int MAX_FINISH_REASONS = 64;
    static final int MAX_EMBEDDING_DIMS = 8192;
    static final int MAX_RETRIEVED_ITEMS = 256;

    private final ValidationLimits limits;

    public EventValidator(ValidationLimits limits) {
        this.limits = limits;
    }

    public ValidationLimits limits() {
        return limits;
    }

    /**
     * Checks required fields, ranges and timestamps; truncates over-long text fields and adds
     * ingest flags. Returns null when the event is valid.
     */
    public Rejection validate(LlmEvent e, long referenceTime) {
        if (e.schemaVersion != LlmEvent.SCHEMA_VERSION) {
            return Rejection.of(
                    DlqReason.UNSUPPORTED_SCHEMA_VERSION,
                    "schema_version",
                    "schema_version " + e.schemaVersion + " is not supported (expected 1)");
        }
        Rejection r = required(e.eventId, "event_id");
        if (r == null) r = required(e.providerName, "provider_name");
        if (r == null) r = required(e.requestModel, "request_model");
        if (r == null) r = required(e.serviceName, "service_name");
        if (r == null) r = checkIdLengths(e);
        if (r == null) r = checkStatus(e);
        if (r == null) r = checkNumbers(e);
        if (r == null) r = checkEventTime(e.eventTime, referenceTime);
        if (r == null) r = checkLists(e);
        if (r == null) r = checkSystemPrompt(e);
        if (r != null) {
            return r;
        }
        truncateTexts(e);
        return null;
    }

    private static Rejection required(String value, String field) {
        if (value == null || value.isBlank()) {
            return Rejection.of(DlqReason.MISSING_FIELD, field, field + " is required");
        }
        return null;
    }

    private static Rejection checkIdLengths(LlmEvent e) {
        String[][] fields = {
            {"event_id", e.eventId},
            {"service_name", e.serviceName},
            {"provider_name", e.providerName},
            {"request_model", e.requestModel},
            {"response_model", e.responseModel},
            {"tenant_id", e.tenantId},
            {"user_id", e.userId},
            {"session_id", e.sessionId},
            {"conversation_id", e.conversationId},
            {"operation_name", e.operationName},
            {"error_type", e.errorType},
            {"deployment_environment", e.deploymentEnvironment},
            {"response_id", e.responseId},
            {"server_address", e.serverAddress},
            {"prompt_template_name", e.promptTemplateName},
            {"prompt_template_version", e.promptTemplateVersion}
        };
        for (String[] f : fields) {
            if (f[1] != null && f[1].length() > MAX_ID_CHARS) {
                return Rejection.of(
                        DlqReason.OUT_OF_RANGE,
                        f[0],
                        f[0] + " is " + f[1].length() + " chars, limit " + MAX_ID_CHARS);
            }
        }
        return null;
    }

    private static Rejection checkStatus(LlmEvent e) {
        if (e.status == null) {
            e.status = e.errorType != null ? LlmEvent.STATUS_ERROR : LlmEvent.STATUS_OK;
        } else if (!LlmEvent.STATUS_OK.equals(e.status)
                && !LlmEvent.STATUS_ERROR.equals(e.status)) {
            return Rejection.of(
                    DlqReason.OUT_OF_RANGE,
                    "status",
                    "status must be \"ok\" or \"error\", got \"" + abbreviate(e.status) + "\"");
        }
        return null;
    }

    private static Rejection checkNumbers(LlmEvent e) {
        Rejection r = nonNegative(e.latencyMs, "latency_ms");
        if (r == null) r = nonNegative(e.timeToFirstChunkMs, "time_to_first_chunk_ms");
        if (r == null) r = nonNegative(e.costUsd, "cost_usd");
        if (r == null) r = nonNegative(e.requestTemperature, "request_temperature");
        if (r == null) r = nonNegative(e.usageInputTokens, "usage_input_tokens");
        if (r == null) r = nonNegative(e.usageOutputTokens, "usage_output_tokens");
        if (r == null)
            r = nonNegative(e.usageCacheReadInputTokens, "usage_cache_read_input_tokens");
        if (r == null)
            r = nonNegative(e.usageCacheCreationInputTokens, "usage_cache_creation_input_tokens");
        if (r == null)
            r = nonNegative(e.usageReasoningOutputTokens, "usage_reasoning_output_tokens");
        if (r == null) r = nonNegative(e.requestMaxTokens, "request_max_tokens");
        if (r == null && e.serverPort != null && (e.serverPort < 0 || e.serverPort > 65535)) {
            r = Rejection.of(DlqReason.OUT_OF_RANGE, "server_port", "server_port out of range");
        }
        return r;
    }

    private static Rejection nonNegative(Double v, String field) {
        if (v == null) {
            return null;
        }
        return nonNegative(v.doubleValue(), field);
    }

    private static Rejection nonNegative(double v, String field) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Rejection.of(DlqReason.OUT_OF_RANGE, field, field + " is not a finite number");
        }
        if (v < 0) {
            return Rejection.of(DlqReason.OUT_OF_RANGE, field, field + " is negative: " + v);
        }
        return null;
    }

    private static Rejection nonNegative(Long v, String field) {
        if (v != null && v < 0) {
            return Rejection.of(DlqReason.OUT_OF_RANGE, field, field + " is negative: " + v);
        }
        return null;
    }

    private Rejection checkEventTime(long eventTime, long referenceTime) {
        if (eventTime <= 0) {
            return Rejection.of(
                    DlqReason.TIMESTAMP_OUT_OF_RANGE, "event_time", "event_time must be positive");
        }
        long future = limits.maxFutureSkew().toMillis();
        if (eventTime > referenceTime + future) {
            return Rejection.of(
                    DlqReason.TIMESTAMP_OUT_OF_RANGE,
                    "event_time",
                    "event_time is "
                            + (eventTime - referenceTime)
                            + " ms in the future (limit "
                            + future
                            + " ms)");
        }
        long maxAge = limits.maxEventAge().toMillis();
        if (maxAge > 0 && eventTime < referenceTime - maxAge) {
            return Rejection.of(
                    DlqReason.TIMESTAMP_OUT_OF_RANGE,
                    "event_time",
                    "event_time is "
                            + (referenceTime - eventTime)
                            + " ms old (limit "
                            + maxAge
                            + " ms)");
        }
        return null;
    }

    private static Rejection checkLists(LlmEvent e) {
        if (e.responseFinishReasons != null) {
            if (e.responseFinishReasons.size() > MAX_FINISH_REASONS) {
                return Rejection.of(
                        DlqReason.OUT_OF_RANGE,
                        "response_finish_reasons",
                        "more than " + MAX_FINISH_REASONS + " finish reasons");
            }
            for (String reason : e.responseFinishReasons) {
                if (reason == null || reason.length() > 64) {
                    return Rejection.of(
                            DlqReason.OUT_OF_RANGE,
                            "response_finish_reasons",
                            "a finish reason is null or longer than 64 chars");
                }
            }
        }
        if (e.embedding != null) {
            if (e.embedding.length > MAX_EMBEDDING_DIMS) {
                return Rejection.of(
                        DlqReason.OUT_OF_RANGE,
                        "embedding",
                        "embedding has " + e.embedding.length + " dimensions");
            }
            for (float f : e.embedding) {
                if (!Float.isFinite(f)) {
                    return Rejection.of(
                            DlqReason.OUT_OF_RANGE, "embedding", "embedding holds NaN or infinity");
                }
            }
        }
        if (e.retrievedContent != null && e.retrievedContent.size() > MAX_RETRIEVED_ITEMS) {
            return Rejection.of(
                    DlqReason.OUT_OF_RANGE,
                    "retrieved_content",
                    "more than " + MAX_RETRIEVED_ITEMS + " retrieved items");
        }
        return null;
    }

    /** A producer-sent hash must look like one: detectors compare hashes for equality. */
    private static Rejection checkSystemPrompt(LlmEvent e) {
        String hash = e.systemPromptSha256;
        if (hash != null && !isLowerHex(hash, 64)) {
            return Rejection.of(
                    DlqReason.OUT_OF_RANGE,
                    "system_prompt_sha256",
                    "system_prompt_sha256 must be 64 lower-case hex digits");
        }
        if (e.systemPromptChars != null && e.systemPromptChars < 0) {
            return Rejection.of(
                    DlqReason.OUT_OF_RANGE,
                    "system_prompt_chars",
                    "system_prompt_chars is negative: " + e.systemPromptChars);
        }
        return null;
    }

    private static boolean isLowerHex(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private void truncateTexts(LlmEvent e) {
        int max = limits.maxTextChars();
        if (e.promptText != null && e.promptText.length() > max) {
            e.promptText = cut(e.promptText, max);
            flag(e, "prompt_text_truncated");
        }
        if (e.systemPromptText != null && e.systemPromptText.length() > max) {
            // the hash and length were taken from the whole text before this cut
            e.systemPromptText = cut(e.systemPromptText, max);
            flag(e, "system_prompt_text_truncated");
        }
        if (e.responseText != null && e.responseText.length() > max) {
            e.responseText = cut(e.responseText, max);
            flag(e, "response_text_truncated");
        }
        if (e.retrievedContent != null) {
            boolean truncated = false;
            List<String> items = new ArrayList<>(e.retrievedContent.size());
            for (String item : e.retrievedContent) {
                if (item != null && item.length() > max) {
                    items.add(cut(item, max));
                    truncated = true;
                } else if (item != null) {
                    items.add(item);
                }
            }
            e.retrievedContent = items;
            if (truncated) {
                flag(e, "retrieved_content_truncated");
            }
        }
    }

    /** Cuts without splitting a surrogate pair, so the result is still valid UTF-16/UTF-8. */
    private static String cut(String s, int max) {
        int end = max;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static void flag(LlmEvent e, String flag) {
        if (e.ingestFlags == null) {
            e.ingestFlags = new ArrayList<>(2);
        }
        e.ingestFlags.add(flag);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
