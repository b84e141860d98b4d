package io.llmsentinel.simulator.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class FakeDataTest {
    private final SplittableRandom rng = new SplittableRandom(17);

    @Test
    void luhnCheckDigitsMatchKnownTestNumbers() {
        // well-known public test card numbers
        assertThat(FakePii.passesLuhn("4111 1111 1111 1111")).isTrue();
        assertThat(FakePii.passesLuhn("5500-0000-0000-0004")).isTrue();
        assertThat(FakePii.passesLuhn("378282246310005")).isTrue();
        assertThat(FakePii.passesLuhn("4111 1111 1111 1112")).isFalse();
    }

    @Test
    void ibanCheckDigitsMatchTheStandardExample() {
        assertThat(FakePii.validIban("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(FakePii.validIban("GB83 WEST 1234 5698 7654 32")).isFalse();
        assertThat(FakePii.ibanCheckDigits("GB", "WEST12345698765432")).isEqualTo("82");
    }

    @Test
    void generatedPiiPassesTheChecksScannersApply() {
        for (int i = 0; i < 500; i++) {
            String card = FakePii.creditCard(rng);
            assertThat(FakePii.passesLuhn(card)).as(card).isTrue();
            assertThat(card.replaceAll("[ -]", "")).hasSizeBetween(15, 16);
            String iban = FakePii.iban(rng);
            assertThat(FakePii.validIban(iban)).as(iban).isTrue();
            String ssn = FakePii.ssn(rng);
            assertThat(ssn)
                    .matches("\\d{3}-\\d{2}-\\d{4}")
                    .doesNotStartWith("000")
                    .doesNotStartWith("666");
            assertThat(FakePii.email(rng)).matches("[a-z0-9._]+@[a-z.]+\\.(com|org|net)");
            assertThat(FakePii.phone(rng)).matches("[+() 0-9-]+");
        }
    }

    @Test
    void generatedSecretsHaveTheirRealFormats() {
        for (int i = 0; i < 200; i++) {
            assertThat(FakeSecrets.awsAccessKeyId(rng)).matches("(AKIA|ASIA)[A-Z2-7]{16}");
            assertThat(FakeSecrets.awsSecretAccessKey(rng)).matches("[A-Za-z0-9+/]{40}");
            assertThat(FakeSecrets.openAiKey(rng))
                    .matches(
                            "sk-proj-[A-Za-z0-9]{48}-[A-Za-z0-9]{20}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}");
            String gh = FakeSecrets.githubToken(rng);
            assertThat(gh).matches("gh[pos]_[A-Za-z0-9]{36}");
            assertThat(gh.substring(34)).isEqualTo(crcBase62(gh.substring(4, 34)));
            String[] jwt = FakeSecrets.jwt(rng).split("\\.");
            assertThat(jwt).hasSize(3);
            assertThat(new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8))
                    .contains("\"alg\":\"HS256\"");
            assertThat(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8))
                    .contains("\"sub\"");
            assertThat(FakeSecrets.privateKeyBlock(rng))
                    .matches(
                            "(?s)-----BEGIN ([A-Z]+ )?PRIVATE KEY-----\n.*\n-----END ([A-Z]+ )?PRIVATE KEY-----");
        }
    }

    @Test
    void attackPromptsAreVariedAndIncludeObfuscatedForms() {
        Set<String> prompts = new HashSet<>();
        boolean base64 = false;
        boolean leet = false;
        boolean persona = false;
        boolean extraction = false;
        for (int i = 0; i < 400; i++) {
            String p = AttackPrompts.next(rng);
            prompts.add(p);
            for (String word : p.split("\\s+")) {
                if (word.length() > 40 && word.matches("[A-Za-z0-9+/=]+")) {
                    String decoded =
                            new String(Base64.getDecoder().decode(word), StandardCharsets.UTF_8);
                    base64 |= decoded.contains(" and ");
                }
            }
            leet |= p.contains("1n5truc710n5") || p.contains("pr3v10u5") || p.contains("4ll");
            persona |= p.contains("Do Anything Now") || p.contains("developer mode");
            extraction |= p.contains("system prompt") || p.contains("instructions in full");
        }
        assertThat(prompts.size()).isGreaterThan(250);
        assertThat(base64).isTrue();
        assertThat(leet).isTrue();
        assertThat(persona).isTrue();
        assertThat(extraction).isTrue();
    }

    @Test
    void benignPromptsIncludeTriggerWordsNowAndThen() {
        int tricky = 0;
        for (int i = 0; i < 3000; i++) {
            String p =
                    BenignText.prompt(
                            io.llmsentinel.simulator.traffic.ServiceKind.SUPPORT_CHAT, 1, rng);
            if (p.toLowerCase()
                    .matches(
                            "(?s).*\\b(ignore|disregard|forget|pretend|act as|override|bypass)\\b.*")) {
                tricky++;
            }
        }
        assertThat(tricky).isBetween(30, 200);
    }

    private static String crcBase62(String body) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.insert(0, alphabet.charAt((int) (v % 62)));
            v /= 62;
        }
        return sb.toString();
    }
}
