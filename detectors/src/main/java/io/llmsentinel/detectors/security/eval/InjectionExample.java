package io.llmsentinel.detectors.security.eval;

/**
 * One labelled prompt of a prompt-injection dataset.
 *
 * @param text the prompt
 * @param label 1 for an attack, 0 for a benign prompt
 * @param kind attack or benign style, e.g. {@code jailbreak}; {@code unknown} when absent
 * @param source where the row comes from; {@code unknown} when absent
 */
public record InjectionExample(String text, int label, String kind, String source) {
    public boolean attack() {
        return label == 1;
    }
}
