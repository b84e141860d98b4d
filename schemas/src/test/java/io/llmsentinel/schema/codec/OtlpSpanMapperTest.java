package io.llmsentinel.schema.codec;

import static io.llmsentinel.schema.codec.OtlpFixtures.SPAN_HEX;
import static io.llmsentinel.schema.codec.OtlpFixtures.START_MS;
import static io.llmsentinel.schema.codec.OtlpFixtures.START_NANOS;
import static io.llmsentinel.schema.codec.OtlpFixtures.TRACE_HEX;
import static io.llmsentinel.schema.codec.OtlpFixtures.array;
import static io.llmsentinel.schema.codec.OtlpFixtures.attr;
import static io.llmsentinel.schema.codec.OtlpFixtures.chatSpan;
import static io.llmsentinel.schema.codec.OtlpFixtures.dbl;
import static io.llmsentinel.schema.codec.OtlpFixtures.errorStatus;
import static io.llmsentinel.schema.codec.OtlpFixtures.fullChatSpan;
import static io.llmsentinel.schema.codec.OtlpFixtures.kvlist;
import static io.llmsentinel.schema.codec.OtlpFixtures.num;
import static io.llmsentinel.schema.codec.OtlpFixtures.resource;
import static io.llmsentinel.schema.codec.OtlpFixtures.serviceResource;
import static io.llmsentinel.schema.codec.OtlpFixtures.span;
import static io.llmsentinel.schema.codec.OtlpFixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OtlpSpanMapperTest {
    private final OtlpSpanMapper mapper = new OtlpSpanMapper(ValidationLimits.DEFAULTS);
    private final SpanMapping mapping = new SpanMapping(null);

    private LlmEvent map(Span.Builder span) {
        return mapping.map(span);
    }

    private LlmEvent map(Span.Builder span, Resource resource) {
        return mapping.map(span, resource);
    }

    private Rejection reject(Span.Builder span) {
        MappedSpan m = mapper.map(span.build(), serviceResource());
        assertThat(m.event()).isNull();
        assertThat(m.rejection()).isNotNull();
        return m.rejection();
    }

    @Test
    void mapsEveryFieldOfAFullChatSpan() {
        Resource resource =
                resource(
                        attr("service.name", "support-bot"),
                        attr("deployment.environment.name", "prod"));
        LlmEvent e = map(fullChatSpan(), resource);

        assertThat(e.schemaVersion).isEqualTo(1);
        assertThat(e.eventId).isEqualTo(TRACE_HEX + "-" + SPAN_HEX);
        assertThat(e.traceId).isEqualTo(TRACE_HEX);
        assertThat(e.spanId).isEqualTo(SPAN_HEX);
        assertThat(e.eventTime).isEqualTo(START_MS);
        assertThat(e.latencyMs).isEqualTo(1250.5);
        assertThat(e.serviceName).isEqualTo("support-bot");
        assertThat(e.deploymentEnvironment).isEqualTo("prod");
        assertThat(e.providerName).isEqualTo("openai");
        assertThat(e.operationName).isEqualTo("chat");
        assertThat(e.requestModel).isEqualTo("gpt-4o");
        assertThat(e.responseModel).isEqualTo("gpt-4o-2024-08-06");
        assertThat(e.responseId).isEqualTo("chatcmpl-123");
        assertThat(e.serverAddress).isEqualTo("api.openai.com");
        assertThat(e.serverPort).isEqualTo(443);
        assertThat(e.requestMaxTokens).isEqualTo(512L);
        assertThat(e.requestTemperature).isEqualTo(0.7);
        assertThat(e.usageInputTokens).isEqualTo(120L);
        assertThat(e.usageOutputTokens).isEqualTo(48L);
        assertThat(e.usageCacheReadInputTokens).isEqualTo(100L);
        assertThat(e.usageCacheCreationInputTokens).isEqualTo(20L);
        assertThat(e.usageReasoningOutputTokens).isEqualTo(16L);
        assertThat(e.responseFinishReasons).containsExactly("stop", "length");
        assertThat(e.status).isEqualTo(LlmEvent.STATUS_OK);
        assertThat(e.errorType).isNull();
        assertThat(e.timeToFirstChunkMs).isEqualTo(250.0);
        assertThat(e.conversationId).isEqualTo("conv-1");
        assertThat(e.sessionId).isEqualTo("sess-1");
        assertThat(e.userId).isEqualTo("user-1");
        assertThat(e.tenantId).isEqualTo("tenant-1");
        assertThat(e.costUsd).isEqualTo(0.0042);
        assertThat(e.promptTemplateName).isEqualTo("support-answer");
        assertThat(e.promptTemplateVersion).isEqualTo("3");
        assertThat(e.promptText).isNull();
        assertThat(e.responseText).isNull();
        assertThat(e.retrievedContent).isNull();
        assertThat(e.embedding).isNull();
        assertThat(e.sourceFormat).as("set by the decoder").isNull();
    }

    @Test
    void readsDeprecatedAttributeNames() {
        Span.Builder span =
                span("chat")
                        .addAttributes(attr("gen_ai.system", "anthropic"))
                        .addAttributes(attr("gen_ai.response.model", "claude-sonnet-4"))
                        .addAttributes(attr("gen_ai.usage.prompt_tokens", 10))
                        .addAttributes(attr("gen_ai.usage.completion_tokens", 20));
        Resource resource =
                resource(attr("service.name", "svc"), attr("deployment.environment", "staging"));

        LlmEvent e = map(span, resource);

        assertThat(e.providerName).isEqualTo("anthropic");
        assertThat(e.operationName).isNull();
        assertThat(e.requestModel)
                .as("falls back to the response model")
                .isEqualTo("claude-sonnet-4");
        assertThat(e.usageInputTokens).isEqualTo(10L);
        assertThat(e.usageOutputTokens).isEqualTo(20L);
        assertThat(e.deploymentEnvironment).isEqualTo("staging");
    }

    @Test
    void currentNamesWinOverDeprecatedOnes() {
        Span.Builder span =
                chatSpan()
                        .addAttributes(attr("gen_ai.system", "az.ai.openai"))
                        .addAttributes(attr("gen_ai.usage.input_tokens", 1))
                        .addAttributes(attr("gen_ai.usage.prompt_tokens", 2))
                        .addAttributes(attr("gen_ai.usage.output_tokens", 3))
                        .addAttributes(attr("gen_ai.usage.completion_tokens", 4))
                        .addAttributes(attr("gen_ai.response.model", "other"));
        Resource resource =
                resource(
                        attr("deployment.environment.name", "new"),
                        attr("deployment.environment", "old"));

        LlmEvent e = map(span, resource);

        assertThat(e.providerName).isEqualTo("openai");
        assertThat(e.usageInputTokens).isEqualTo(1L);
        assertThat(e.usageOutputTokens).isEqualTo(3L);
        assertThat(e.requestModel).isEqualTo("gpt-4o");
        assertThat(e.deploymentEnvironment).isEqualTo("new");
    }

    @Test
    void providerNamesAreNormalisedBeforeAnythingKeysByThem() {
        LlmEvent old =
                map(
                        span("chat")
                                .addAttributes(attr("gen_ai.system", "az.ai.openai"))
                                .addAttributes(attr("gen_ai.request.model", "gpt-4o")));
        assertThat(old.providerName).isEqualTo("azure.ai.openai");
        LlmEvent capitalised =
                map(
                        span("chat")
                                .addAttributes(attr("gen_ai.provider.name", "Anthropic"))
                                .addAttributes(attr("gen_ai.request.model", "claude-sonnet-4"))
                                .addAttributes(attr("gen_ai.response.finish_reasons", "end_turn")));
        assertThat(capitalised.providerName).isEqualTo("anthropic");
        assertThat(capitalised.responseFinishReasons).containsExactly("stop");
    }

    @Test
    void theSpanConventionIsRecognisedPerSpan() {
        assertThat(conventionOf(chatSpan())).isEqualTo(SpanConvention.OTEL_GEN_AI);
        assertThat(conventionOf(chatSpan().addAttributes(attr("traceloop.entity.name", "x"))))
                .isEqualTo(SpanConvention.OPENLLMETRY);
        assertThat(conventionOf(chatSpan().addAttributes(attr("gen_ai.prompt.0.content", "q"))))
                .isEqualTo(SpanConvention.OPENLLMETRY);
        assertThat(conventionOf(chatSpan().addAttributes(attr("gen_ai.prompt.name", "tpl"))))
                .as("our template extension is no OpenLLMetry content")
                .isEqualTo(SpanConvention.OTEL_GEN_AI);
    }

    private SpanConvention conventionOf(Span.Builder span) {
        return mapper.map(span.build(), serviceResource()).convention();
    }

    @Test
    void identityFallsBackToResourceAndSpanWins() {
        Resource resource =
                resource(
                        attr("service.name", "svc"),
                        attr("user.id", "res-user"),
                        attr("tenant.id", "res-tenant"),
                        attr("session.id", "res-session"));

        LlmEvent fromResource = map(chatSpan(), resource);
        assertThat(fromResource.userId).isEqualTo("res-user");
        assertThat(fromResource.tenantId).isEqualTo("res-tenant");
        assertThat(fromResource.sessionId).isEqualTo("res-session");

        LlmEvent fromSpan = map(fullChatSpan(), resource);
        assertThat(fromSpan.userId).isEqualTo("user-1");
        assertThat(fromSpan.tenantId).isEqualTo("tenant-1");
        assertThat(fromSpan.sessionId).isEqualTo("sess-1");
    }

    @Test
    void serviceNameDefaultsLikeOpenTelemetry() {
        assertThat(map(chatSpan(), Resource.getDefaultInstance()).serviceName)
                .isEqualTo("unknown_service");
        assertThat(map(chatSpan(), resource(attr("service.name", ""))).serviceName)
                .isEqualTo("unknown_service");
    }

    @Test
    void costFallsBackToGenAiUsageCost() {
        LlmEvent e = map(chatSpan().addAttributes(attr("gen_ai.usage.cost", 0.5)));
        assertThat(e.costUsd).isEqualTo(0.5);
    }

    @Test
    void spansWithoutGenAiIdentityAreNotGenAi() {
        Span.Builder http =
                span("GET /")
                        .addAttributes(attr("http.request.method", "GET"))
                        .addAttributes(attr("gen_ai.request.model", "gpt-4o"));
        assertThat(mapper.map(http.build(), serviceResource())).isSameAs(MappedSpan.NOT_GEN_AI);
        assertThat(MappedSpan.NOT_GEN_AI.isGenAi()).isFalse();

        for (String key :
                List.of("gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.system")) {
            MappedSpan m =
                    mapper.map(span("x").addAttributes(attr(key, "v")).build(), serviceResource());
            assertThat(m.isGenAi()).as(key).isTrue();
        }
    }

    @Nested
    class Status_ {
        @Test
        void okWhenStatusUnsetOrOk() {
            assertThat(map(chatSpan()).status).isEqualTo("ok");
            LlmEvent ok =
                    map(
                            chatSpan()
                                    .setStatus(
                                            Status.newBuilder()
                                                    .setCode(Status.StatusCode.STATUS_CODE_OK)));
            assertThat(ok.status).isEqualTo("ok");
            assertThat(ok.errorType).isNull();
        }

        @Test
        void errorStatusWithoutErrorTypeUsesOther() {
            LlmEvent e = map(chatSpan().setStatus(errorStatus()));
            assertThat(e.status).isEqualTo("error");
            assertThat(e.errorType).isEqualTo("_OTHER");
            assertThat(e.isError()).isTrue();
        }

        @Test
        void errorTypeAloneMakesAnError() {
            LlmEvent e = map(chatSpan().addAttributes(attr("error.type", "rate_limit_exceeded")));
            assertThat(e.status).isEqualTo("error");
            assertThat(e.errorType).isEqualTo("rate_limit_exceeded");
        }

        @Test
        void withoutErrorTypeTheRecordedExceptionsTypeIsUsed() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .setStatus(errorStatus("Connection error."))
                                    .addEvents(
                                            OtlpFixtures.exceptionEvent(
                                                    "APIConnectionError", "Connection error.")));
            assertThat(e.errorType).isEqualTo("APIConnectionError");
            assertThat(e.errorClass).as("nothing says which kind").isNull();
        }

        @Test
        void theErrorClassComesFromTheSdkClassNameTheHttpStatusOrTheMessage() {
            LlmEvent sdkClass = map(chatSpan().addAttributes(attr("error.type", "RateLimitError")));
            assertThat(sdkClass.errorType).isEqualTo("RateLimitError");
            assertThat(sdkClass.errorClass).isEqualTo("rate_limit");

            LlmEvent status =
                    map(
                            chatSpan()
                                    .setStatus(errorStatus())
                                    .addAttributes(attr("http.response.status_code", 503)));
            assertThat(status.errorType).isEqualTo("_OTHER");
            assertThat(status.errorClass).isEqualTo("server");

            LlmEvent message = map(chatSpan().setStatus(errorStatus("400 Invalid 'messages'")));
            assertThat(message.errorClass).isEqualTo("client");

            LlmEvent oddStatus =
                    map(
                            chatSpan()
                                    .addAttributes(attr("error.type", "timeout"))
                                    .addAttributes(attr("http.response.status_code", "n/a")));
            assertThat(oddStatus.errorClass)
                    .as("an unusable status code is no signal, not a rejection")
                    .isEqualTo("timeout");
        }

        @Test
        void aSuccessfulCallHasNoErrorClass() {
            LlmEvent e = map(chatSpan().addAttributes(attr("http.response.status_code", 200)));
            assertThat(e.errorClass).isNull();
        }

        @Test
        void errorStatusKeepsErrorType() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .setStatus(errorStatus())
                                    .addAttributes(attr("error.type", "timeout")));
            assertThat(e.status).isEqualTo("error");
            assertThat(e.errorType).isEqualTo("timeout");
        }
    }

    @Nested
    class Types {
        @Test
        void integersSentAsStringsOrIntegralDoublesAreAccepted() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .addAttributes(attr("gen_ai.usage.input_tokens", " 123 "))
                                    .addAttributes(attr("gen_ai.usage.output_tokens", dbl(7.0)))
                                    .addAttributes(attr("server.port", "8443"))
                                    .addAttributes(attr("gen_ai.request.temperature", "0.2"))
                                    .addAttributes(attr("gen_ai.request.max_tokens", num(64))));
            assertThat(e.usageInputTokens).isEqualTo(123L);
            assertThat(e.usageOutputTokens).isEqualTo(7L);
            assertThat(e.serverPort).isEqualTo(8443);
            assertThat(e.requestTemperature).isEqualTo(0.2);
            assertThat(e.requestMaxTokens).isEqualTo(64L);
        }

        @Test
        void scalarsAreAcceptedWhereAStringIsExpected() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .addAttributes(attr("user.id", 42))
                                    .addAttributes(attr("gen_ai.prompt.version", 2)));
            assertThat(e.userId).isEqualTo("42");
            assertThat(e.promptTemplateVersion).isEqualTo("2");
        }

        @Test
        void aSingleFinishReasonStringBecomesAList() {
            LlmEvent e =
                    map(chatSpan().addAttributes(attr("gen_ai.response.finish_reasons", "stop")));
            assertThat(e.responseFinishReasons).containsExactly("stop");
        }

        @Test
        void unconvertibleValuesAreWrongTypeNamingTheAttribute() {
            assertWrongType(
                    attr("gen_ai.usage.input_tokens", "twelve"), "gen_ai.usage.input_tokens");
            assertWrongType(
                    attr("gen_ai.usage.output_tokens", dbl(1.5)), "gen_ai.usage.output_tokens");
            assertWrongType(
                    attr("gen_ai.request.temperature", OtlpFixtures.bool(true)),
                    "gen_ai.request.temperature");
            assertWrongType(
                    attr("gen_ai.response.model", array(str("a"))), "gen_ai.response.model");
            assertWrongType(
                    attr("gen_ai.response.finish_reasons", array(kvlist(attr("k", "v")))),
                    "gen_ai.response.finish_reasons");
            assertWrongType(
                    attr(
                            "gen_ai.input.messages",
                            AnyValue.newBuilder()
                                    .setBytesValue(ByteString.copyFromUtf8("x"))
                                    .build()),
                    "gen_ai.input.messages");
        }

        @Test
        void aWrongTypedDeprecatedNameIsIgnoredWhenTheCurrentOneIsPresent() {
            LlmEvent e = map(chatSpan().addAttributes(attr("gen_ai.system", array())));
            assertThat(e.providerName).isEqualTo("openai");
        }

        @Test
        void aWrongTypedResourceAttributeRejectsGenAiSpansOnly() {
            Resource bad = resource(attr("service.name", array(str("a"), str("b"))));
            MappedSpan genAi = mapper.map(chatSpan().build(), bad);
            assertThat(genAi.rejection().reason()).isEqualTo(DlqReason.WRONG_TYPE);
            assertThat(genAi.rejection().field()).isEqualTo("service.name");
            assertThat(mapper.map(span("GET /").build(), bad).isGenAi()).isFalse();
        }

        private void assertWrongType(io.opentelemetry.proto.common.v1.KeyValue kv, String key) {
            Rejection r = reject(chatSpan().addAttributes(kv));
            assertThat(r.reason()).as(key).isEqualTo(DlqReason.WRONG_TYPE);
            assertThat(r.field()).isEqualTo(key);
            assertThat(r.message()).contains(key);
        }
    }

    @Nested
    class Ids {
        @Test
        void emptyIdsBecomeNullWithADeterministicEventId() {
            Span.Builder span = chatSpan().clearTraceId().clearSpanId();
            LlmEvent a = map(span);
            LlmEvent b = map(span);
            assertThat(a.traceId).isNull();
            assertThat(a.spanId).isNull();
            assertThat(a.eventId).startsWith("otlp-").isEqualTo(b.eventId);
            assertThat(map(span.setName("other")).eventId).isNotEqualTo(a.eventId);
        }

        @Test
        void idsOfTheWrongLengthAreRejected() {
            Rejection r = reject(chatSpan().setTraceId(ByteString.copyFrom(new byte[] {1, 2, 3})));
            assertThat(r.reason()).isEqualTo(DlqReason.MALFORMED_PROTOBUF);
            assertThat(r.field()).isEqualTo("trace_id");
            assertThat(reject(chatSpan().setSpanId(OtlpFixtures.hex(TRACE_HEX))).field())
                    .isEqualTo("span_id");
        }

        @Test
        void endBeforeStartGivesNegativeLatencyForTheValidator() {
            LlmEvent e = map(chatSpan().setEndTimeUnixNano(START_NANOS - 1_000_000L));
            assertThat(e.latencyMs).isEqualTo(-1.0);
        }
    }

    @Nested
    class Content {
        private static final String INPUT =
                "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"},"
                        + "{\"type\":\"text\",\"content\":\"And Rome?\"}]},"
                        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"c1\","
                        + "\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}]},"
                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"c1\","
                        + "\"response\":\"rainy, 57F\"}]},"
                        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"c2\","
                        + "\"response\":{\"temp\":14}}]}]";
        private static final String OUTPUT =
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"reasoning\",\"content\":\"hmm\"},"
                        + "{\"type\":\"text\",\"content\":\"Rainy, 57F.\"}],\"finish_reason\":\"stop\"}]";

        @Test
        void concatenatesTextPartsOfJsonMessages() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .addAttributes(attr("gen_ai.input.messages", INPUT))
                                    .addAttributes(attr("gen_ai.output.messages", OUTPUT))
                                    .addAttributes(
                                            attr(
                                                    "gen_ai.system_instructions",
                                                    "[{\"type\":\"text\",\"content\":\"secret\"}]")));
            assertThat(e.promptText)
                    .as("the user's turn only: the system message is kept apart")
                    .isEqualTo("Weather in Paris?\nAnd Rome?");
            assertThat(e.systemPromptSha256)
                    .as("system instructions, then system messages")
                    .isEqualTo(SystemPrompts.sha256("secret\nBe brief."));
            assertThat(e.systemPromptChars).isEqualTo(16);
            assertThat(e.systemPromptText).as("capture is off by default").isNull();
            assertThat(e.responseText).isEqualTo("Rainy, 57F.");
            assertThat(e.retrievedContent).containsExactly("rainy, 57F", "{\"temp\":14}");
            assertThat(e.responseFinishReasons)
                    .as("taken from the output messages when the attribute is absent")
                    .containsExactly("stop");
        }

        @Test
        void systemPromptTextIsCapturedOnlyWhenConfigured() {
            Span.Builder span =
                    chatSpan()
                            .addAttributes(attr("gen_ai.input.messages", INPUT))
                            .addAttributes(
                                    attr(
                                            "gen_ai.system_instructions",
                                            "[{\"type\":\"text\",\"content\":\"secret\"}]"));
            OtlpSpanMapper capturing =
                    new OtlpSpanMapper(ValidationLimits.DEFAULTS, new ContentOptions(true));

            LlmEvent e = capturing.map(span.build(), serviceResource()).event();

            assertThat(e.systemPromptText).isEqualTo("secret\nBe brief.");
            assertThat(e.systemPromptSha256).isEqualTo(SystemPrompts.sha256("secret\nBe brief."));
            assertThat(e.promptText).isEqualTo("Weather in Paris?\nAnd Rome?");
        }

        @Test
        void outputFinishReasonsAreNormalised() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .addAttributes(
                                            attr(
                                                    "gen_ai.output.messages",
                                                    "[{\"role\":\"assistant\",\"parts\":[],"
                                                            + "\"finish_reason\":\"tool_call\"}]")));
            assertThat(e.responseFinishReasons).containsExactly("tool_calls");
        }

        @Test
        void finishReasonsAttributeWinsOverOutputMessages() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .addAttributes(attr("gen_ai.output.messages", OUTPUT))
                                    .addAttributes(
                                            attr("gen_ai.response.finish_reasons", "length")));
            assertThat(e.responseFinishReasons).containsExactly("length");
        }

        @Test
        void readsStructuredMessages() {
            var message =
                    kvlist(
                            attr("role", "user"),
                            attr(
                                    "parts",
                                    array(
                                            kvlist(attr("type", "text"), attr("content", "hello")),
                                            kvlist(
                                                    attr("type", "uri"),
                                                    attr("uri", "https://x")))));
            LlmEvent e =
                    map(
                            chatSpan()
                                    .addAttributes(attr("gen_ai.input.messages", array(message)))
                                    .addAttributes(
                                            attr(
                                                    "gen_ai.output.messages",
                                                    array(
                                                            kvlist(
                                                                    attr("role", "assistant"),
                                                                    attr(
                                                                            "parts",
                                                                            array(
                                                                                    kvlist(
                                                                                            attr(
                                                                                                    "type",
                                                                                                    "text"),
                                                                                            attr(
                                                                                                    "content",
                                                                                                    "hi")))),
                                                                    attr(
                                                                            "finish_reason",
                                                                            "stop"))))));
            assertThat(e.promptText).isEqualTo("hello");
            assertThat(e.responseText).isEqualTo("hi");
            assertThat(e.responseFinishReasons).containsExactly("stop");
        }

        @Test
        void readsTheOlderRoleContentShape() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .addAttributes(
                                            attr(
                                                    "gen_ai.input.messages",
                                                    "[{\"role\":\"user\",\"content\":\"hi\"},"
                                                            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"there\"}]},"
                                                            + "{\"role\":\"tool\",\"content\":\"42\"}]")));
            assertThat(e.promptText).isEqualTo("hi\nthere");
            assertThat(e.retrievedContent).containsExactly("42");
        }

        @Test
        void unparseableContentIsKeptRaw() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .addAttributes(
                                            attr(
                                                    "gen_ai.input.messages",
                                                    "[{\"role\":\"user\", oops"))
                                    .addAttributes(attr("gen_ai.output.messages", "plain answer")));
            assertThat(e.promptText).isEqualTo("[{\"role\":\"user\", oops");
            assertThat(e.responseText).isEqualTo("plain answer");
        }

        @Test
        void tooDeeplyNestedContentIsKeptRawNotRejected() {
            String deep = "[".repeat(10_000) + "]".repeat(10_000);
            LlmEvent e = map(chatSpan().addAttributes(attr("gen_ai.input.messages", deep)));
            assertThat(e.promptText).isEqualTo(deep);
        }

        @Test
        void readsRetrievalDocumentsWithText() {
            LlmEvent e =
                    map(
                            chatSpan()
                                    .addAttributes(
                                            attr(
                                                    "gen_ai.retrieval.documents",
                                                    "[{\"id\":\"d1\",\"score\":0.9,\"content\":\"Paris is in France.\"},"
                                                            + "{\"id\":\"d2\",\"score\":0.8},"
                                                            + "{\"id\":\"d3\",\"text\":\"Rome is in Italy.\"}]")));
            assertThat(e.retrievedContent)
                    .containsExactly("Paris is in France.", "Rome is in Italy.");
        }

        @Test
        void readsLegacySpanEvents() {
            Span.Builder span =
                    chatSpan()
                            .addEvents(event("gen_ai.system.message", attr("content", "system")))
                            .addEvents(event("gen_ai.user.message", attr("content", "question")))
                            .addEvents(event("gen_ai.tool.message", attr("content", "tool output")))
                            .addEvents(
                                    event(
                                            "gen_ai.choice",
                                            attr("index", 0),
                                            attr("finish_reason", "stop"),
                                            attr(
                                                    "message",
                                                    kvlist(
                                                            attr("role", "assistant"),
                                                            attr("content", "answer")))));
            LlmEvent e = map(span);
            assertThat(e.promptText).isEqualTo("question");
            assertThat(e.responseText).isEqualTo("answer");
            assertThat(e.retrievedContent).containsExactly("tool output");
            assertThat(e.systemPromptSha256)
                    .as("the system message event is kept apart")
                    .isEqualTo(SystemPrompts.sha256("system"));
            assertThat(e.responseFinishReasons).containsExactly("stop");
        }

        @Test
        void legacyAssistantEventsAreHistoryNotPrompt() {
            Span.Builder span =
                    chatSpan()
                            .addEvents(event("gen_ai.user.message", attr("content", "first")))
                            .addEvents(event("gen_ai.assistant.message", attr("content", "reply")))
                            .addEvents(event("gen_ai.user.message", attr("content", "second")));
            assertThat(map(span).promptText).isEqualTo("second");
        }

        @Test
        void readsOldestPromptCompletionEvents() {
            Span.Builder span =
                    chatSpan()
                            .addEvents(
                                    event(
                                            "gen_ai.content.prompt",
                                            attr(
                                                    "gen_ai.prompt",
                                                    "[{\"role\":\"user\",\"content\":\"q\"}]")))
                            .addEvents(
                                    event(
                                            "gen_ai.content.completion",
                                            attr("gen_ai.completion", "a")));
            LlmEvent e = map(span);
            assertThat(e.promptText).isEqualTo("q");
            assertThat(e.responseText).isEqualTo("a");
        }

        @Test
        void attributesWinOverLegacyEvents() {
            Span.Builder span =
                    chatSpan()
                            .addAttributes(
                                    attr(
                                            "gen_ai.input.messages",
                                            "[{\"role\":\"user\",\"content\":\"new\"}]"))
                            .addEvents(event("gen_ai.user.message", attr("content", "old")))
                            .addEvents(event("gen_ai.choice", attr("content", "answer")));
            LlmEvent e = map(span);
            assertThat(e.promptText).isEqualTo("new");
            assertThat(e.responseText)
                    .as("no output attribute, so the event is used")
                    .isEqualTo("answer");
        }

        private Span.Event event(
                String name, io.opentelemetry.proto.common.v1.KeyValue... attributes) {
            Span.Event.Builder b =
                    Span.Event.newBuilder().setName(name).setTimeUnixNano(START_NANOS);
            for (var kv : attributes) {
                b.addAttributes(kv);
            }
            return b.build();
        }
    }
}
