package io.llmsentinel.detectors.security.scan;

/** What a flagged prompt tries to do. {@link #NONE} when the prompt is not flagged. */
public enum AttackCategory {
    NONE,
    /** Overrides or replaces the instructions the application gave the model. */
    PROMPT_INJECTION,
    /** Talks the model out of its safety rules (persona set-ups such as "DAN", rule removal). */
    JAILBREAK,
    /** Tries to make the model reveal its system prompt or hidden configuration. */
    PROMPT_EXTRACTION,
    /** Machine-optimised gibberish appended to a request (GCG-style suffixes). */
    ADVERSARIAL_SUFFIX
}
