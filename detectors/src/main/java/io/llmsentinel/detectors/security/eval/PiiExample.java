package io.llmsentinel.detectors.security.eval;

import java.util.List;

/** One row of a PII dataset: a text and its labelled entity spans. */
public record PiiExample(String text, List<LabeledSpan> spans) {
    public PiiExample {
        spans = List.copyOf(spans);
    }
}
