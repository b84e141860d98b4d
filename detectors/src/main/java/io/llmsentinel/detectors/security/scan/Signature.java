package io.llmsentinel.detectors.security.scan;

/**
 * One entry of the signature library: a rule (phrase patterns or literals), a feature computed in
 * code (its weight and category come from the library), or a combination of families.
 *
 * @param index position in the library, used as a dense id at scan time
 * @param id stable identifier reported in verdicts, e.g. {@code PI.OVERRIDE.PRIOR}
 * @param kind rule, feature or combination
 * @param category what a match suggests
 * @param family rules of one family count once per scan (the strongest match), so repeating a
 *     phrase does not inflate the score
 * @param familyIndex dense id of {@code family}
 * @param weight log-odds contribution of a match
 * @param description one line for people reading a verdict
 */
record Signature(
        int index,
        String id,
        Kind kind,
        AttackCategory category,
        String family,
        int familyIndex,
        double weight,
        String description) {

    enum Kind {
        RULE,
        FEATURE,
        COMBO
    }
}
