package io.llmsentinel.detectors.security.eval;

import io.llmsentinel.detectors.security.scan.SensitiveType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps entity type names used by PII datasets (Presidio's, and common short forms) to ours. Types
 * without a counterpart (names, addresses, locations, organisations...) need named-entity
 * recognition, which rules do not provide: evaluations list them as not covered.
 */
public final class EntityTypes {
    private static final Map<String, SensitiveType> TYPES =
            Map.ofEntries(
                    Map.entry("EMAIL_ADDRESS", SensitiveType.EMAIL),
                    Map.entry("EMAIL", SensitiveType.EMAIL),
                    Map.entry("PHONE_NUMBER", SensitiveType.PHONE),
                    Map.entry("PHONE", SensitiveType.PHONE),
                    Map.entry("CREDIT_CARD", SensitiveType.CREDIT_CARD),
                    Map.entry("CREDIT_CARD_NUMBER", SensitiveType.CREDIT_CARD),
                    Map.entry("IBAN_CODE", SensitiveType.IBAN),
                    Map.entry("IBAN", SensitiveType.IBAN),
                    Map.entry("US_SSN", SensitiveType.US_SSN),
                    Map.entry("SSN", SensitiveType.US_SSN),
                    Map.entry("IP_ADDRESS", SensitiveType.IP_ADDRESS),
                    Map.entry("IP", SensitiveType.IP_ADDRESS));

    private EntityTypes() {}

    /** Our type for a dataset's entity type, if we cover it. */
    public static Optional<SensitiveType> map(String datasetType) {
        return Optional.ofNullable(TYPES.get(datasetType.toUpperCase(Locale.ROOT)));
    }
}
