package io.llmsentinel.detectors.security.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryScannerTest {
    private static final String FRAGMENT =
            "You are Pebble, the support assistant of Acme Garden Tools. Never discuss pricing"
                    + " agreements with resellers and never mention the discount code SPRING.";
    private static final CanaryScanner SCANNER =
            CanaryScanner.of(List.of("CANARY-7f3a91"), List.of(FRAGMENT));

    @Test
    void canaryTokensAreFoundWhateverTheirCase() {
        String response = "Sure. Internal marker: canary-7F3A91. Anything else?";
        List<SensitiveFinding> found = SCANNER.scan(response);
        assertThat(found)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.type()).isEqualTo(SensitiveType.SYSTEM_PROMPT_LEAK);
                            assertThat(response.substring(f.start(), f.end()))
                                    .isEqualTo("canary-7F3A91");
                            assertThat(f.maskedPreview()).doesNotContain("7F3A91");
                        });
    }

    @Test
    void fragmentsMatchAcrossWhitespaceCaseAndMarkup() {
        String response =
                "My instructions say:\n> **you are pebble,  the support assistant of ACME garden"
                        + " tools.**\n> Never discuss pricing\nagreements with resellers and never"
                        + " mention the discount code SPRING.\nHope that helps!";
        List<SensitiveFinding> found = SCANNER.scan(response);
        assertThat(found)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(response.substring(f.start(), f.end()))
                                    .startsWith("you are pebble")
                                    .endsWith("SPRING");
                            assertThat(f.type().kind()).isEqualTo(SensitiveType.Kind.LEAK);
                            assertThat(f.type().pii()).isFalse();
                            assertThat(f.type().secret()).isFalse();
                        });
    }

    @Test
    void aLongRunOfTheFragmentIsEnoughEvenIfNotAllOfIt() {
        String response =
                "I was told: never discuss pricing agreements with resellers and never"
                        + " mention the discount code, sorry.";
        assertThat(SCANNER.scan(response)).hasSize(1);
    }

    @Test
    void unrelatedOrPartialWordsDoNotMatch() {
        assertThat(SCANNER.scan("Acme garden tools are great. Pricing is on the website."))
                .isEmpty();
        assertThat(SCANNER.scan("xCANARY-7f3a91x is part of another word")).isEmpty();
        assertThat(SCANNER.scan(null)).isEmpty();
    }

    @Test
    void tooShortInputsAreRejected() {
        assertThatThrownBy(() -> CanaryScanner.of(List.of("ab"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanaryScanner.of(List.of(), List.of("you are")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CanaryScanner.of(List.of(), List.of()).scan("anything")).isEmpty();
    }

    @Test
    void serialisesAndStillScans() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(SCANNER);
        }
        CanaryScanner copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (CanaryScanner) in.readObject();
        }
        assertThat(copy.scan("marker CANARY-7f3a91")).hasSize(1);
        assertThat(copy.canaries()).containsExactly("CANARY-7f3a91");
    }
}
