package io.llmsentinel.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void acceptsValidText() {
        assertThat(Utf8.isValid(new byte[0])).isTrue();
        assertThat(Utf8.isValid("ascii é ✓ 😀 \u0000".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void rejectsWhatRfc3629Forbids() {
        int[][] bad = {
            {0x80}, // lone continuation
            {0xC0, 0xAF}, // overlong '/'
            {0xE0, 0x80, 0xAF}, // overlong
            {0xED, 0xA0, 0x80}, // surrogate D800
            {0xF4, 0x90, 0x80, 0x80}, // above U+10FFFF
            {0xF5, 0x80, 0x80, 0x80},
            {0xC3}, // truncated
            {0xE2, 0x9C}, // truncated
            {0xC3, 0x41}, // bad continuation
        };
        for (int[] seq : bad) {
            byte[] b = new byte[seq.length];
            for (int i = 0; i < seq.length; i++) {
                b[i] = (byte) seq[i];
            }
            assertThat(Utf8.isValid(b)).as(java.util.Arrays.toString(seq)).isFalse();
        }
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomInput() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(8)];
            random.nextBytes(b);
            assertThat(Utf8.isValid(b)).as(java.util.Arrays.toString(b)).isEqualTo(jdkValid(b));
        }
    }

    private static boolean jdkValid(byte[] b) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
