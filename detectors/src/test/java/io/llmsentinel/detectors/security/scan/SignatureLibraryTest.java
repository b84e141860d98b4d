package io.llmsentinel.detectors.security.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.detectors.common.Evidence;
import org.junit.jupiter.api.Test;

class SignatureLibraryTest {
    private static final String FEATURES =
            """
            feature FEAT.ADVERSARIAL_SUFFIX
            category ADVERSARIAL_SUFFIX
            weight 4
            feature FEAT.OBFUSCATED_MATCH
            category PROMPT_INJECTION
            weight 1
            feature FEAT.ENCODED_PAYLOAD
            category PROMPT_INJECTION
            weight 1
            """;

    @Test
    void shippedLibraryLoadsWithVersionAndDescriptions() {
        SignatureLibrary lib = SignatureLibrary.defaults();
        assertThat(lib.version).isNotBlank();
        assertThat(lib.signatures).hasSizeGreaterThan(50);
        assertThat(lib.signatures)
                .allSatisfy(
                        s -> {
                            assertThat(s.description()).as(s.id()).isNotBlank();
                            assertThat(Evidence.isIdentifier(s.id())).as(s.id()).isTrue();
                        });
    }

    @Test
    void familiesCountOnceAndPhrasesIgnoreCaseAndAccents() {
        String text =
                "version t1\nbias -3\n"
                        + "rule R.ONE\ncategory PROMPT_INJECTION\nfamily f\nweight 2\n"
                        + "description d\nmatch {ignore|ignorez} ~2 {régles|rules}\n"
                        + "rule R.TWO\ncategory PROMPT_INJECTION\nfamily f\nweight 2.5\n"
                        + "description d\nmatch ignore ~3 rules\n"
                        + "rule R.THREE\ncategory JAILBREAK\nweight 1\n"
                        + "description d\nliteral <<x>>\n"
                        + FEATURES;
        SignatureLibrary lib = SignatureLibrary.parse(text);
        assertThat(lib.version).isEqualTo("t1");
        PromptScanner scanner = new PromptScanner(lib, 0.5);

        PromptVerdict both = scanner.scan("IGNORE the RULES");
        assertThat(both.ruleIds()).containsExactly("R.TWO", "R.ONE");
        assertThat(both.score()).isCloseTo(logistic(-3 + 2.5), within());

        PromptVerdict accented = scanner.scan("Ignorez les Règles");
        assertThat(accented.ruleIds()).containsExactly("R.ONE");
        assertThat(accented.score()).isCloseTo(logistic(-3 + 2), within());

        PromptVerdict all = scanner.scan("ignore these rules <<X>>");
        assertThat(all.score()).isCloseTo(logistic(-3 + 2.5 + 1), within());
        assertThat(all.attack()).isTrue();
        assertThat(all.category()).isEqualTo(AttackCategory.PROMPT_INJECTION);
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    @Test
    void malformedLibrariesAreRejectedWithTheLine() {
        assertThatThrownBy(() -> SignatureLibrary.parse("version 1\nbias 0\nfrobnicate x\n"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("unknown key");
        assertThatThrownBy(
                        () ->
                                SignatureLibrary.parse(
                                        "version 1\nbias 0\nrule A\ncategory NONE\nweight 1\n"
                                                + "match x\nrule A\n"))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(
                        () ->
                                SignatureLibrary.parse(
                                        "version 1\nbias 0\nrule A\ncategory NONE\nmatch x\n"))
                .hasMessageContaining("weight");
        assertThatThrownBy(
                        () ->
                                SignatureLibrary.parse(
                                        "version 1\nbias 0\nrule A\ncategory NONE\nweight 1\n"
                                                + "match {x|y\n"))
                .hasMessageContaining("unclosed");
        assertThatThrownBy(() -> SignatureLibrary.parse("version 1\nbias 0\n"))
                .hasMessageContaining("FEAT.");
    }
}
