package io.llmsentinel.detectors.security.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {
    @Test
    void luhn() {
        assertThat(Checksums.luhn("4111 1111 1111 1111")).isTrue();
        assertThat(Checksums.luhn("79927398713")).isTrue();
        assertThat(Checksums.luhn("79927398710")).isFalse();
        assertThat(Checksums.luhn("0")).isFalse();
    }

    @Test
    void ibanMod97() {
        assertThat(Checksums.ibanMod97("GB82WEST12345698765432")).isTrue();
        assertThat(Checksums.ibanMod97("GB82WEST12345698765433")).isFalse();
        assertThat(Checksums.ibanMod97("GB82 WEST")).isFalse();
    }

    @Test
    void entropySeparatesRandomStringsFromWords() {
        assertThat(Checksums.shannonEntropy("aaaaaaaa")).isZero();
        assertThat(Checksums.shannonEntropy("abcdefgh")).isEqualTo(3.0);
        assertThat(Checksums.shannonEntropy("f8Kq2LmZ9xVt4RwB7nYc")).isGreaterThan(4.0);
        assertThat(Checksums.shannonEntropy("passwordpassword")).isLessThan(3.0);
    }
}
