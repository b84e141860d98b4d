package io.llmsentinel.detectors.common;

import java.io.Serializable;

/**
 * Text that went through {@link Redaction} and is therefore safe to publish as evidence. Only this
 * package can create one, so {@link Evidence} can tell redacted text from raw text by type.
 */
public final class Redacted implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String text;

    Redacted(String text) {
        this.text = text;
    }

    /**
     * Text that {@link Redaction} produced upstream and that crossed an operator boundary as a
     * plain string (Flink POJO state and records cannot carry this type). Only for values read back
     * from such fields; never for text that did not come out of {@link Redaction}.
     */
    public static Redacted restored(String redactedText) {
        return new Redacted(redactedText == null ? "" : redactedText);
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Redacted other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
