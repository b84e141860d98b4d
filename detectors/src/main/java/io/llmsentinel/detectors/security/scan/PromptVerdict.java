package io.llmsentinel.detectors.security.scan;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of {@link PromptScanner#scan(String)}.
 *
 * @param score calibrated likelihood that the prompt is an attack, 0..1
 * @param attack whether {@code score} reached the scanner's threshold
 * @param category the dominant attack family when {@code attack}, else {@link AttackCategory#NONE}
 * @param ruleIds ids of the signatures and features that matched, strongest first (may be non-empty
 *     below the threshold: weak signals are listed too)
 * @param transforms de-obfuscations that were needed for the matches, e.g. {@code base64}, {@code
 *     leetspeak}, {@code homoglyph}
 * @param evidenceStart start offset in the original text of the strongest match, -1 if none
 * @param evidenceEnd end offset (exclusive) in the original text of the strongest match, -1 if none
 */
public record PromptVerdict(
        double score,
        boolean attack,
        AttackCategory category,
        List<String> ruleIds,
        List<String> transforms,
        int evidenceStart,
        int evidenceEnd)
        implements Serializable {

    public PromptVerdict {
        ruleIds = List.copyOf(ruleIds);
        transforms = List.copyOf(transforms);
    }

    /** Whether the strongest match has a location in the original text. */
    public boolean hasEvidence() {
        return evidenceStart >= 0;
    }
}
