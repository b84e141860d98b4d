package io.llmsentinel.detectors.security;

import java.io.Serializable;
import java.util.List;

/**
 * What the scan step looks at and how it reports.
 *
 * @param injectionThreshold prompt score from which a prompt counts as an attack
 * @param scanPrompts scan prompts for injection and jailbreaks
 * @param scanPromptSecrets report credentials users paste into prompts (sent to a third party)
 * @param scanPromptPii report personal data in prompts; off by default, since users legitimately
 *     give their own e-mail or order details
 * @param scanResponses scan responses for PII, secrets and canaries
 * @param scanRetrievedContent scan retrieved documents and tool output for indirect injection
 * @param maxScanChars longer texts are scanned on their first and last half of this many chars,
 *     which bounds the cost of a hostile 1 MB prompt
 * @param canaries strings planted in system prompts that must never appear in a response
 * @param systemPromptFragments fragments of system prompts that must never appear in a response
 * @param redactionSalt secret salt for value hashes in evidence; empty means unsalted
 * @param previewContext characters of context shown on each side of a masked finding
 */
public record ScanSettings(
        double injectionThreshold,
        boolean scanPrompts,
        boolean scanPromptSecrets,
        boolean scanPromptPii,
        boolean scanResponses,
        boolean scanRetrievedContent,
        int maxScanChars,
        List<String> canaries,
        List<String> systemPromptFragments,
        String redactionSalt,
        int previewContext)
        implements Serializable {

    /** The documented defaults; the job's options take theirs from here. */
    public static final ScanSettings DEFAULTS =
            new ScanSettings(
                    0.5, true, true, false, true, true, 32_768, List.of(), List.of(), "", 24);

    public ScanSettings {
        canaries = List.copyOf(canaries);
        systemPromptFragments = List.copyOf(systemPromptFragments);
        if (!(injectionThreshold > 0 && injectionThreshold < 1)) {
            throw new IllegalArgumentException("injection threshold must be in (0, 1)");
        }
        if (maxScanChars < 256) {
            throw new IllegalArgumentException("max scan chars must be at least 256");
        }
    }

    public static ScanSettings defaults() {
        return DEFAULTS;
    }

    public ScanSettings withCanaries(List<String> canaries, List<String> fragments) {
        return new ScanSettings(
                injectionThreshold,
                scanPrompts,
                scanPromptSecrets,
                scanPromptPii,
                scanResponses,
                scanRetrievedContent,
                maxScanChars,
                canaries,
                fragments,
                redactionSalt,
                previewContext);
    }
}
