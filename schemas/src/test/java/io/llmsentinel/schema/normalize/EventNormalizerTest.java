package io.llmsentinel.schema.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.LlmEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventNormalizerTest {
    @Test
    void providerFinishReasonsAndErrorClassAreNormalisedAndTheErrorTypeKept() {
        LlmEvent e = new LlmEvent();
        e.providerName = "OpenAI";
        e.responseFinishReasons = List.of("tool_call", "MAX_TOKENS");
        e.status = LlmEvent.STATUS_ERROR;
        e.errorType = "RateLimitError";

        EventNormalizer.normalize(e);

        assertThat(e.providerName).isEqualTo("openai");
        assertThat(e.responseFinishReasons).containsExactly("tool_calls", "length");
        assertThat(e.errorType).isEqualTo("RateLimitError");
        assertThat(e.errorClass).isEqualTo("rate_limit");
    }

    @Test
    void aClassAlreadyDerivedIsKeptAndASuccessHasNone() {
        LlmEvent failed = new LlmEvent();
        failed.errorType = "_OTHER";
        failed.errorClass = "timeout";
        EventNormalizer.normalize(failed);
        assertThat(failed.errorClass).isEqualTo("timeout");

        LlmEvent ok = new LlmEvent();
        ok.status = LlmEvent.STATUS_OK;
        ok.errorClass = "server";
        EventNormalizer.normalize(ok);
        assertThat(ok.errorClass).isNull();

        LlmEvent statusless = new LlmEvent();
        statusless.errorType = "503";
        EventNormalizer.normalize(statusless);
        assertThat(statusless.errorClass)
                .as("status not yet derived, the error type says failure")
                .isEqualTo("server");
    }
}
