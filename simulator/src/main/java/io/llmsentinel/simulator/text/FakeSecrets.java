package io.llmsentinel.simulator.text;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Fake credentials in the formats secret scanners look for. The layouts follow the public
 * descriptions of each format (prefixes, lengths, alphabets, the GitHub token checksum), the
 * content is random from the seed and grants nothing anywhere.
 */
public final class FakeSecrets {
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] BASE32_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String[] KEY_TYPES = {"RSA ", "EC ", "OPENSSH ", ""};
    private static final String[] GITHUB_PREFIXES = {"ghp_", "ghp_", "gho_", "ghs_"};

    private FakeSecrets() {}

    /** An AWS access key id: AKIA (long-term) or ASIA (temporary) plus 16 base-32 characters. */
    public static String awsAccessKeyId(SplittableRandom rng) {
        return (rng.nextInt(4) == 0 ? "ASIA" : "AKIA") + random(rng, BASE32_UPPER, 16);
    }

    /** The 40-character secret that goes with an access key id. */
    public static String awsSecretAccessKey(SplittableRandom rng) {
        return random(rng, BASE64, 40);
    }

    /**
     * An OpenAI-style API key: the project-key form ({@code sk-proj-...}) or the older form with
     * the {@code T3BlbkFJ} marker in the middle.
     */
    public static String openAiKey(SplittableRandom rng) {
        if (rng.nextBoolean()) {
            return "sk-proj-" + random(rng, BASE62, 48) + "-" + random(rng, BASE62, 20);
        }
        return "sk-" + random(rng, BASE62, 20) + "T3BlbkFJ" + random(rng, BASE62, 20);
    }

    /**
     * A GitHub token: prefix, 30 random base-62 characters, then the CRC32 of those 30 characters
     * in 6 base-62 digits, the layout GitHub uses so that scanners can verify a candidate offline.
     */
    public static String githubToken(SplittableRandom rng) {
        String body = random(rng, BASE62, 30);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return GITHUB_PREFIXES[rng.nextInt(GITHUB_PREFIXES.length)]
                + body
                + base62Fixed(crc.getValue(), 6);
    }

    /** An HS256 JWT with a plausible payload and a random signature. */
    public static String jwt(SplittableRandom rng) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        long iat = 1_735_000_000L + rng.nextInt(20_000_000);
        String payload =
                "{\"sub\":\""
                        + (10_000 + rng.nextInt(90_000))
                        + "\",\"role\":\""
                        + (rng.nextBoolean() ? "admin" : "service")
                        + "\",\"iat\":"
                        + iat
                        + ",\"exp\":"
                        + (iat + 3600)
                        + "}";
        byte[] signature = new byte[32];
        nextBytes(rng, signature);
        return base64Url(header)
                + "."
                + base64Url(payload)
                + "."
                + BASE64URL.encodeToString(signature);
    }

    /** A PEM private-key block with random body lines. */
    public static String privateKeyBlock(SplittableRandom rng) {
        String type = KEY_TYPES[rng.nextInt(KEY_TYPES.length)];
        StringBuilder sb = new StringBuilder(900);
        sb.append("-----BEGIN ").append(type).append("PRIVATE KEY-----\n");
        int lines = 6 + rng.nextInt(7);
        for (int i = 0; i < lines; i++) {
            sb.append(random(rng, BASE64, 64)).append('\n');
        }
        sb.append(random(rng, BASE64, 4 * (1 + rng.nextInt(15)))).append("==\n");
        sb.append("-----END ").append(type).append("PRIVATE KEY-----");
        return sb.toString();
    }

    private static String base64Url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String random(SplittableRandom rng, char[] alphabet, int n) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = alphabet[rng.nextInt(alphabet.length)];
        }
        return new String(out);
    }

    private static String base62Fixed(long value, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = BASE62[(int) (value % 62)];
            value /= 62;
        }
        return new String(out);
    }

    private static void nextBytes(SplittableRandom rng, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) rng.nextInt(256);
        }
    }
}
