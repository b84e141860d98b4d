package io.llmsentinel.schema.codec;

import static io.llmsentinel.schema.codec.OtlpFixtures.serviceResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.LlmEvent;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;

/** Maps test spans and checks that each became an event (of the expected convention, if given). */
final class SpanMapping {
    private final OtlpSpanMapper mapper = new OtlpSpanMapper(ValidationLimits.DEFAULTS);
    private final SpanConvention expected;

    SpanMapping(SpanConvention expected) {
        this.expected = expected;
    }

    MappedSpan mapped(Span.Builder span, Resource resource) {
        return mapper.map(span.build(), resource);
    }

    LlmEvent map(Span.Builder span) {
        return map(span, serviceResource());
    }

    LlmEvent map(Span.Builder span, Resource resource) {
        MappedSpan m = mapped(span, resource);
        assertThat(m.rejection()).as("rejection").isNull();
        assertThat(m.event()).isNotNull();
        if (expected != null) {
            assertThat(m.convention()).isEqualTo(expected);
        }
        return m.event();
    }
}
