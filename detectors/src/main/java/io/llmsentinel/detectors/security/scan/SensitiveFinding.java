package io.llmsentinel.detectors.security.scan;

import java.io.Serializable;
import java.util.Objects;

/**
 * One piece of sensitive data found in a text.
 *
 * @param type what was found
 * @param start start offset in the scanned text
 * @param end end offset (exclusive) in the scanned text
 * @param maskedPreview the value masked by {@code Redaction}: never the raw value
 */
public record SensitiveFinding(SensitiveType type, int start, int end, String maskedPreview)
        implements Serializable {

    public SensitiveFinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maskedPreview, "maskedPreview");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}
