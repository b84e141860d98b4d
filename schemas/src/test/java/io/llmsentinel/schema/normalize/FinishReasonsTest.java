package io.llmsentinel.schema.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinishReasonsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    stop                     | stop
                    STOP                     | stop
                    end_turn                 | stop
                    stop_sequence            | stop
                    COMPLETE                 | stop
                    length                   | length
                    max_tokens               | length
                    MAX_TOKENS               | length
                    max_output_tokens        | length
                    FINISH_REASON_MAX_TOKENS | length
                    tool_calls               | tool_calls
                    tool_call                | tool_calls
                    tool-calls               | tool_calls
                    tool_use                 | tool_calls
                    function_call            | tool_calls
                    content_filter           | content_filter
                    content-filter           | content_filter
                    SAFETY                   | content_filter
                    RECITATION               | content_filter
                    refusal                  | content_filter
                    guardrail_intervened     | content_filter
                    error                    | error
                    MALFORMED_FUNCTION_CALL  | error
                    pause_turn               | pause_turn
                    OTHER                    | other
                    """)
    void reasonsBecomeOneVocabulary(String raw, String expected) {
        assertThat(FinishReasons.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void listsKeepTheirOrderAndLoseBlanks() {
        assertThat(FinishReasons.normalize(Arrays.asList("STOP", "", null, "tool_call")))
                .containsExactly("stop", "tool_calls");
        assertThat(FinishReasons.normalize(List.of(" "))).isNull();
        assertThat(FinishReasons.normalize((List<String>) null)).isNull();
    }
}
