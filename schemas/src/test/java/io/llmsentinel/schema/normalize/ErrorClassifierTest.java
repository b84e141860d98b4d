package io.llmsentinel.schema.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.ErrorClass;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
                    429                         | rate_limit
                    rate_limit_exceeded         | rate_limit
                    RateLimitError              | rate_limit
                    insufficient_quota          | rate_limit
                    RESOURCE_EXHAUSTED          | rate_limit
                    ThrottlingException         | rate_limit
                    timeout                     | timeout
                    APITimeoutError             | timeout
                    APIConnectionTimeoutError   | timeout
                    DEADLINE_EXCEEDED           | timeout
                    408                         | timeout
                    504                         | timeout
                    500                         | server
                    503                         | server
                    529                         | server
                    InternalServerError         | server
                    overloaded_error            | server
                    ServiceUnavailableError     | server
                    400                         | client
                    BadRequestError             | client
                    AuthenticationError         | client
                    PermissionDeniedError       | client
                    NotFoundError               | client
                    UnprocessableEntityError    | client
                    context_length_exceeded     | client
                    ValidationException         | client
                    content_filter              | content_filter
                    ContentPolicyViolationError | content_filter
                    ResponsibleAIPolicyViolation| content_filter
                    _OTHER                      | null
                    APIConnectionError          | null
                    ValueError                  | null
                    200                         | null
                    """)
    void errorTypesHaveAClass(String errorType, String expected) {
        ErrorClass c = ErrorClassifier.classify(errorType);
        assertThat(c == null ? null : c.wireName()).isEqualTo(expected);
        assertThat(ErrorClass.fromWire(expected)).as("the wire name reads back").isEqualTo(c);
    }

    @Test
    void aContentFilterNameBeatsTheHttpStatusWhichBeatsOtherNames() {
        assertThat(classify(400L, "content_filter")).isEqualTo(ErrorClass.CONTENT_FILTER);
        assertThat(classify(429L, "APIError")).isEqualTo(ErrorClass.RATE_LIMIT);
        assertThat(classify(500L, "BadRequestError")).isEqualTo(ErrorClass.SERVER);
        assertThat(classify(null, "BadRequestError")).isEqualTo(ErrorClass.CLIENT);
        assertThat(classify(200L, "RateLimitError")).isEqualTo(ErrorClass.RATE_LIMIT);
    }

    @Test
    void aStatusAtTheStartOfAMessageIsTheLastResort() {
        assertThat(
                        ErrorClassifier.classify(
                                null,
                                Arrays.asList("Error", null),
                                List.of("429 Rate limit reached for gpt-4o-mini")))
                .isEqualTo(ErrorClass.RATE_LIMIT);
        assertThat(ErrorClassifier.classify(null, List.of(), List.of("500 status code (no body)")))
                .isEqualTo(ErrorClass.SERVER);
        assertThat(ErrorClassifier.classify(null, List.of(), List.of("500ms elapsed"))).isNull();
        assertThat(ErrorClassifier.classify(null, List.of(), List.of("4290 items"))).isNull();
        assertThat(ErrorClassifier.classify(null, List.of(), Arrays.asList(null, ""))).isNull();
    }

    private static ErrorClass classify(Long status, String name) {
        return ErrorClassifier.classify(status, List.of(name), List.of());
    }
}
