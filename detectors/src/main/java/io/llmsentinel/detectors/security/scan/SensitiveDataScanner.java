package io.llmsentinel.detectors.security.scan;

import io.llmsentinel.detectors.common.Redaction;
import java.io.Serializable;
import java.util.List;

/**
 * Finds personal data and credentials in prompts and responses: e-mail addresses, phone numbers,
 * payment cards, IBANs, US SSNs and IP addresses; cloud and API keys, tokens, JWTs, private keys
 * and secrets assigned in configuration. Checksums are verified where the format has one (Luhn,
 * IBAN mod 97, GitHub CRC32), so look-alike numbers are not reported.
 *
 * <p>Hand-written scanners, no regular expressions: each detector walks the text once, triggered by
 * characters that can start its format (a digit, {@code @}, an upper-case pair, a key prefix,
 * {@code =} or {@code :}). Overlapping candidates are resolved in favour of the most specific type.
 * Findings carry offsets in the scanned text and a masked preview from {@link Redaction}; the raw
 * value is never kept.
 *
 * <p>Immutable, thread-safe and serialisable.
 */
public final class SensitiveDataScanner implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final SensitiveDataScanner DEFAULTS = new SensitiveDataScanner();

    private SensitiveDataScanner() {}

    public static SensitiveDataScanner defaults() {
        return DEFAULTS;
    }

    /** Findings ordered by start offset; empty for null or empty text. */
    public List<SensitiveFinding> scan(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        FindingCollector out = new FindingCollector(text);
        CredentialDetector.scan(text, out);
        EmailDetector.scan(text, out);
        IbanDetector.scan(text, out);
        NumberDetector.scan(text, out);
        Ipv6Detector.scan(text, out);
        AssignedSecretDetector.scan(text, out);
        return out.resolve(Redaction.unsalted());
    }

    private Object readResolve() {
        return DEFAULTS;
    }
}
