package io.llmsentinel.detectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RedactionTest {
    static final Redaction REDACTION = Redaction.unsalted();
    static final String OPENAI_STYLE_KEY = "sk-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789f3Q9";

    @Test
    void longSecretKeepsFourCharactersAtEachEnd() {
        assertThat(REDACTION.mask(OPENAI_STYLE_KEY).text()).isEqualTo("sk-a…f3Q9");
    }

    @Test
    void mediumValueKeepsFewerCharacters() {
        // 16 digits: length / 8 = 2 at each end, a quarter of the value.
        assertThat(REDACTION.mask("4111111111111111").text()).isEqualTo("41…11");
        assertThat(REDACTION.mask("abcdefghijklmnopqrstuvwx").text()).isEqualTo("abc…vwx");
    }

    @Test
    void shortValuesAreMaskedEntirelyWithoutRevealingTheirLength() {
        for (String value :
                List.of("123-45-6789", "+14155550100", "hunter2", "x", "", "a".repeat(15))) {
            assertThat(REDACTION.mask(value).text()).as(value).isEqualTo(Redaction.FULL_MASK);
        }
        assertThat(REDACTION.mask(null).text()).isEqualTo(Redaction.FULL_MASK);
    }

    @Test
    void masksNeverContainTheMiddleOfTheSecret() {
        // The middle half of each value is made of '#', the rest of letters: no '#' may appear,
        // and at most a quarter of the value is visible, for every length.
        for (int length = 0; length <= 300; length++) {
            StringBuilder secret = new StringBuilder();
            for (int i = 0; i < length; i++) {
                boolean middle = i >= length / 4 && i < length - length / 4;
                secret.append(middle ? '#' : (char) ('a' + i % 26));
            }
            String mask = REDACTION.mask(secret.toString()).text();
            assertThat(mask).as("length %d", length).doesNotContain("#");
            String visible = mask.replace(Redaction.ELLIPSIS, "").replace("*", "");
            assertThat(visible.length()).as("length %d", length).isLessThanOrEqualTo(length / 4);
            assertThat(visible.length()).isLessThanOrEqualTo(2 * Redaction.MAX_REVEALED_PER_SIDE);
        }
    }

    @Test
    void randomSecretsNeverShowMoreThanTheirEnds() {
        Random random = new Random(7);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        for (int n = 0; n < 1_000; n++) {
            int length = 16 + random.nextInt(100);
            StringBuilder secret = new StringBuilder();
            for (int i = 0; i < length; i++) {
                secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = secret.toString();
            String mask = REDACTION.mask(value).text();
            int k = Math.min(4, length / 8);
            assertThat(mask)
                    .isEqualTo(
                            value.substring(0, k)
                                    + Redaction.ELLIPSIS
                                    + value.substring(length - k));
        }
    }

    @Test
    void maskNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00".repeat(20); // 20 code points, 40 chars
        String mask = REDACTION.mask(emoji).text();
        assertThat(mask).isEqualTo("\uD83D\uDE00\uD83D\uDE00…\uD83D\uDE00\uD83D\uDE00");
    }

    @Test
    void maskKeepsEvidenceOnOneLine() {
        String mask = REDACTION.mask("ab\ncdefghijklmnopqrstuvw\r\n").text();
        assertThat(mask).doesNotContain("\n", "\r").isEqualTo("ab …w  ");
    }

    @Test
    void unsaltedHashIsTruncatedHexSha256() throws Exception {
        assertThat(REDACTION.hash("abc").text()).isEqualTo("ba7816bf8f01cfea");
        assertThat(REDACTION.hash("abc").text()).hasSize(Redaction.HASH_HEX_CHARS);
        assertThat(REDACTION.hash(null)).isEqualTo(REDACTION.hash(""));
    }

    @Test
    void saltedHashCannotBeReversedByHashingTheValueSpace() throws Exception {
        Redaction salted = Redaction.withSalt("per-deployment-secret-0123456789");
        String ssn = "123-45-6789";
        // Whoever knows the scheme can hash every SSN without the salt; the salted hash is not
        // among those.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String dictionaryEntry =
                HexFormat.of()
                        .formatHex(sha.digest(ssn.getBytes(StandardCharsets.UTF_8)))
                        .substring(0, 16);
        assertThat(REDACTION.hash(ssn).text()).isEqualTo(dictionaryEntry);
        assertThat(salted.hash(ssn).text()).isNotEqualTo(dictionaryEntry).hasSize(16);
        // Stable for the same salt, different for another.
        assertThat(Redaction.withSalt("per-deployment-secret-0123456789").hash(ssn))
                .isEqualTo(salted.hash(ssn));
        assertThat(Redaction.withSalt("another-deployment-secret-abcdef").hash(ssn))
                .isNotEqualTo(salted.hash(ssn));
    }

    @Test
    void shortSaltsAreRefused() {
        assertThatThrownBy(() -> Redaction.withSalt("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes");
    }

    @Test
    void saltIsNeverPrinted() {
        String salt = "per-deployment-secret-0123456789";
        assertThat(Redaction.withSalt(salt).toString()).doesNotContain(salt);
    }

    @Test
    void hashingIsThreadSafe() {
        Redaction salted = Redaction.withSalt("per-deployment-secret-0123456789");
        List<String> sequential =
                IntStream.range(0, 5_000).mapToObj(i -> salted.hash("v" + i).text()).toList();
        List<String> parallel =
                IntStream.range(0, 5_000)
                        .parallel()
                        .mapToObj(i -> salted.hash("v" + i).text())
                        .toList();
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void survivesJavaSerialisationAsFlinkFunctionsDo() throws Exception {
        Redaction salted = Redaction.withSalt("per-deployment-secret-0123456789");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(salted);
        }
        Redaction copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Redaction) in.readObject();
        }
        assertThat(copy.hash("x")).isEqualTo(salted.hash("x"));
        assertThat(copy).isEqualTo(salted);
    }

    @Test
    void snippetShowsContextAndMasksTheFinding() {
        String text = "please use my key " + OPENAI_STYLE_KEY + " for the demo, thanks";
        int start = text.indexOf("sk-");
        int end = start + OPENAI_STYLE_KEY.length();

        String snippet = REDACTION.snippet(text, start, end, 10).text();

        assertThat(snippet).isEqualTo("…se my key [sk-a…f3Q9] for the d…");
        assertThat(snippet).doesNotContain(OPENAI_STYLE_KEY.substring(4, 38));
    }

    @Test
    void snippetAtTheEdgesOfTheTextHasNoEllipsis() {
        String text = "SSN 123-45-6789";
        assertThat(REDACTION.snippet(text, 4, 15, 20).text()).isEqualTo("SSN [****]");
        assertThat(REDACTION.snippet(text, 0, 3, 0).text()).isEqualTo("[****]…");
    }

    @Test
    void snippetContextIsCappedAndFlattenedToOneLine() {
        String before = "line one\nline two\r\n" + "b".repeat(200);
        String text = before + "123-45-6789" + "a".repeat(200);
        String snippet =
                REDACTION.snippet(text, before.length(), before.length() + 11, 1_000).text();
        assertThat(snippet)
                .isEqualTo(
                        "…"
                                + "b".repeat(Redaction.MAX_SNIPPET_CONTEXT)
                                + "[****]"
                                + "a".repeat(Redaction.MAX_SNIPPET_CONTEXT)
                                + "…");
        assertThat(REDACTION.snippet("a\nb 123-45-6789", 4, 15, 5).text()).isEqualTo("a b [****]");
    }

    @Test
    void snippetDoesNotSplitSurrogatePairsAtTheContextEdge() {
        String text = "\uD83D\uDE00x" + "123-45-6789" + "y\uD83D\uDE00";
        // Two chars of context would cut each emoji in half: the halves are left out.
        String snippet = REDACTION.snippet(text, 3, 14, 2).text();
        assertThat(snippet).isEqualTo("…x[****]y…");
    }

    @Test
    void snippetRejectsOffsetsOutsideTheText() {
        assertThatThrownBy(() -> REDACTION.snippet("abc", 2, 5, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> REDACTION.snippet("abc", 2, 1, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
