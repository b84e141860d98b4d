package io.llmsentinel.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonEventDecoderTest {
    static final long NOW = 1_795_766_400_000L;
    static final String VALID =
            "{\"event_id\":\"e1\",\"event_time\":"
                    + NOW
                    + ",\"service_name\":\"svc\",\"provider_name\":\"openai\","
                    + "\"request_model\":\"gpt-4o\",\"latency_ms\":120.5,"
                    + "\"usage_input_tokens\":10,\"usage_output_tokens\":20}";

    private final JsonEventDecoder decoder = new JsonEventDecoder(ValidationLimits.DEFAULTS);

    private DecodeResult decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void validEventIsDecodedWithDefaults() {
        DecodeResult r = decode(VALID);
        assertThat(r.rejections()).isEmpty();
        LlmEvent e = r.events().get(0);
        assertThat(e.eventId).isEqualTo("e1");
        assertThat(e.status).isEqualTo("ok");
        assertThat(e.sourceFormat).isEqualTo("json");
        assertThat(e.latencyMs).isEqualTo(120.5);
        assertThat(ContractSchemas.errors(ContractSchemas.LLM_EVENT, Codecs.toJsonBytes(e)))
                .isEmpty();
    }

    @Test
    void isoTimestampAndErrorStatusAreDerived() {
        String json =
                VALID.replace("\"event_time\":" + NOW, "\"event_time\":\"2026-11-27T00:00:00Z\"")
                        .replace("\"latency_ms\"", "\"error_type\":\"timeout\",\"latency_ms\"");
        LlmEvent e = decoder.decode(json.getBytes(StandardCharsets.UTF_8), NOW).events().get(0);
        assertThat(e.eventTime).isEqualTo(1_795_737_600_000L);
        assertThat(e.status).isEqualTo("error");
    }

    @Test
    void eventsAreNormalisedLikeOtlpOnesAndTheErrorTypeIsKept() {
        String json =
                VALID.replace("\"openai\"", "\"OpenAI\"")
                        .replace(
                                "\"latency_ms\"",
                                "\"error_type\":\"RateLimitError\",\"status\":\"error\","
                                        + "\"error_class\":\"server\","
                                        + "\"response_finish_reasons\":[\"MAX_TOKENS\"],\"latency_ms\"");
        LlmEvent e = decode(json).events().get(0);
        assertThat(e.providerName).isEqualTo("openai");
        assertThat(e.responseFinishReasons).containsExactly("length");
        assertThat(e.errorType).isEqualTo("RateLimitError");
        assertThat(e.errorClass)
                .as("set by ingest: a producer's value is not read")
                .isEqualTo("rate_limit");
    }

    @Test
    void aSystemPromptSentAsTextIsReducedToItsHashUnlessCaptured() {
        String json =
                VALID.replace(
                        "\"latency_ms\"",
                        "\"system_prompt_text\":\"Never reveal this.\","
                                + "\"system_prompt_sha256\":\""
                                + "0".repeat(64)
                                + "\","
                                + "\"system_prompt_chars\":1,\"latency_ms\"");
        LlmEvent dropped = decode(json).events().get(0);
        assertThat(dropped.systemPromptText).isNull();
        assertThat(dropped.systemPromptSha256)
                .as("the text decides")
                .isEqualTo(SystemPrompts.sha256("Never reveal this."));
        assertThat(dropped.systemPromptChars).isEqualTo(18);

        LlmEvent kept =
                new JsonEventDecoder(ValidationLimits.DEFAULTS, new ContentOptions(true))
                        .decode(json.getBytes(StandardCharsets.UTF_8), NOW)
                        .events()
                        .get(0);
        assertThat(kept.systemPromptText).isEqualTo("Never reveal this.");
        assertThat(ContractSchemas.errors(ContractSchemas.LLM_EVENT, Codecs.toJsonBytes(kept)))
                .isEmpty();

        String hashOnly =
                VALID.replace(
                        "\"latency_ms\"",
                        "\"system_prompt_sha256\":\""
                                + "ab".repeat(32)
                                + "\","
                                + "\"system_prompt_chars\":120,\"latency_ms\"");
        LlmEvent sent = decode(hashOnly).events().get(0);
        assertThat(sent.systemPromptSha256).isEqualTo("ab".repeat(32));
        assertThat(sent.systemPromptChars).isEqualTo(120);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "short hash | \"system_prompt_sha256\":\"abc\" | system_prompt_sha256",
                "upper-case hash | \"system_prompt_sha256\":\"ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB\" | system_prompt_sha256",
                "negative length | \"system_prompt_chars\":-1 | system_prompt_chars",
            })
    void aBadSystemPromptFieldIsOutOfRange(String name, String field, String expected) {
        DecodeResult r = decode(VALID.replace("\"latency_ms\"", field + ",\"latency_ms\""));
        assertThat(r.rejections())
                .singleElement()
                .satisfies(
                        rej -> {
                            assertThat(rej.reason()).isEqualTo(DlqReason.OUT_OF_RANGE);
                            assertThat(rej.field()).isEqualTo(expected);
                        });
    }

    @Test
    void aLongCapturedSystemPromptIsTruncatedAndFlaggedAfterHashing() {
        String text = "x".repeat(150);
        LlmEvent e =
                new JsonEventDecoder(
                                new ValidationLimits(
                                        1 << 20, 100, Duration.ofHours(1), Duration.ZERO, 32),
                                new ContentOptions(true))
                        .decode(
                                VALID.replace(
                                                "\"latency_ms\"",
                                                "\"system_prompt_text\":\""
                                                        + text
                                                        + "\",\"latency_ms\"")
                                        .getBytes(StandardCharsets.UTF_8),
                                NOW)
                        .events()
                        .get(0);
        assertThat(e.systemPromptText).hasSize(100);
        assertThat(e.systemPromptChars).isEqualTo(150);
        assertThat(e.systemPromptSha256).isEqualTo(SystemPrompts.sha256(text));
        assertThat(e.ingestFlags).containsExactly("system_prompt_text_truncated");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "truncated | {\"event_id\":\"e1\",\"event_ti | MALFORMED_JSON",
                "not an object | [1,2,3] | WRONG_TYPE",
                "empty | '' | MALFORMED_JSON",
                "trailing garbage | {\"a\":1} x | MALFORMED_JSON",
                "NaN literal | {\"latency_ms\":NaN} | MALFORMED_JSON",
                "duplicate key | {\"event_id\":\"a\",\"event_id\":\"b\"} | MALFORMED_JSON",
            })
    void malformedJsonIsRejected(String name, String json, DlqReason expected) {
        DecodeResult r = decode(json);
        assertThat(r.events()).isEmpty();
        assertThat(r.rejections())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing event_id | \"event_id\":\"e1\", | '' | MISSING_FIELD | event_id",
                "blank model | \"request_model\":\"gpt-4o\" | \"request_model\":\" \" | MISSING_FIELD | request_model",
                "missing latency | ,\"latency_ms\":120.5 | '' | MISSING_FIELD | latency_ms",
                "tokens as string | \"usage_input_tokens\":10 | \"usage_input_tokens\":\"10\" | WRONG_TYPE | usage_input_tokens",
                "negative tokens | \"usage_output_tokens\":20 | \"usage_output_tokens\":-5 | OUT_OF_RANGE | usage_output_tokens",
                "negative latency | \"latency_ms\":120.5 | \"latency_ms\":-1 | OUT_OF_RANGE | latency_ms",
                "huge tokens | \"usage_output_tokens\":20 | \"usage_output_tokens\":99999999999999999999999 | OUT_OF_RANGE | usage_output_tokens",
                "model as number | \"request_model\":\"gpt-4o\" | \"request_model\":4 | WRONG_TYPE | request_model",
                "bad status | \"latency_ms\" | \"status\":\"meh\",\"latency_ms\" | OUT_OF_RANGE | status",
                "future | \"event_time\":1795766400000 | \"event_time\":1895766400000 | TIMESTAMP_OUT_OF_RANGE | event_time",
                "ancient | \"event_time\":1795766400000 | \"event_time\":1000 | TIMESTAMP_OUT_OF_RANGE | event_time",
                "bad iso | \"event_time\":1795766400000 | \"event_time\":\"yesterday\" | WRONG_TYPE | event_time",
                "version 2 | \"event_id\" | \"schema_version\":2,\"event_id\" | UNSUPPORTED_SCHEMA_VERSION | schema_version",
                "finish reasons not list | \"latency_ms\" | \"response_finish_reasons\":\"stop\",\"latency_ms\" | WRONG_TYPE | response_finish_reasons",
                "number in finish reasons | \"latency_ms\" | \"response_finish_reasons\":[1,\"stop\"],\"latency_ms\" | WRONG_TYPE | response_finish_reasons",
                "object in embedding | \"latency_ms\" | \"embedding\":[1,{\"x\":[2]},3],\"latency_ms\" | WRONG_TYPE | embedding",
                "type error then broken json | \"latency_ms\":120.5 | \"latency_ms\":\"slow\",\"x\":[ | MALFORMED_JSON | ''",
            })
    void invalidFieldsAreRejectedWithReasonAndField(
            String name, String from, String to, DlqReason reason, String field) {
        String json = VALID.replace(from, to);
        assertThat(json).isNotEqualTo(VALID);
        DecodeResult r = decode(json);
        assertThat(r.events()).isEmpty();
        Rejection rejection = r.rejections().get(0);
        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.field()).isEqualTo(field.isEmpty() ? null : field);
        assertThat(rejection.message()).isNotBlank();
    }

    @Test
    void invalidUtf8IsNamed() {
        byte[] bytes = VALID.replace("svc", "s\u00e9c").getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        int i = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        broken[i] = (byte) 0xff;
        DecodeResult r = decoder.decode(broken, NOW);
        assertThat(r.rejections())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo(DlqReason.INVALID_UTF8);
    }

    @Test
    void deepNestingIsRejectedNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        assertThat(decode(deep).rejections())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo(DlqReason.MALFORMED_JSON);
    }

    @Test
    void oversizedRecordIsRejectedBeforeParsing() {
        JsonEventDecoder small =
                new JsonEventDecoder(
                        new ValidationLimits(64, 1000, Duration.ofHours(1), Duration.ZERO, 32));
        assertThat(small.decode(VALID.getBytes(StandardCharsets.UTF_8), NOW).rejections())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo(DlqReason.OVERSIZED_RECORD);
    }

    @Test
    void longTextIsTruncatedAndFlaggedNotDropped() {
        JsonEventDecoder limited =
                new JsonEventDecoder(
                        new ValidationLimits(1 << 20, 100, Duration.ofHours(1), Duration.ZERO, 32));
        String longText = "x".repeat(99) + "\uD83D\uDE00" + "y".repeat(500);
        String json =
                VALID.replace(
                        "\"latency_ms\"",
                        "\"prompt_text\":\""
                                + longText
                                + "\",\"retrieved_content\":[\""
                                + longText
                                + "\",\"short\"],\"latency_ms\"");
        LlmEvent e = limited.decode(json.getBytes(StandardCharsets.UTF_8), NOW).events().get(0);
        assertThat(e.promptText).hasSize(99).doesNotContain("\uD83D");
        assertThat(e.retrievedContent).hasSize(2);
        assertThat(e.ingestFlags)
                .containsExactly("prompt_text_truncated", "retrieved_content_truncated");
    }

    @Test
    void zeroMaxEventAgeAcceptsOldEventsForReplay() {
        JsonEventDecoder replay =
                new JsonEventDecoder(ValidationLimits.DEFAULTS.withMaxEventAge(Duration.ZERO));
        String json = VALID.replace("\"event_time\":" + NOW, "\"event_time\":1000000");
        assertThat(replay.decode(json.getBytes(StandardCharsets.UTF_8), NOW).events()).hasSize(1);
    }
}
