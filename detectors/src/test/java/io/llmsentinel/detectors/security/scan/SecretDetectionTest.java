package io.llmsentinel.detectors.security.scan;

import static io.llmsentinel.detectors.security.scan.PiiDetectionTest.assertFound;
import static io.llmsentinel.detectors.security.scan.PiiDetectionTest.assertNone;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Credentials: shapes, checksums, assignment context, and that previews hide them. */
class SecretDetectionTest {
    private static final SensitiveDataScanner SCANNER = SensitiveDataScanner.defaults();
    private static final String BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void awsAccessKeyIds() {
        assertFound(
                "key AKIAQ3EGH5RZ2XJ7T6PA here",
                SensitiveType.AWS_ACCESS_KEY,
                "AKIAQ3EGH5RZ2XJ7T6PA");
        assertFound("ASIAY34FZKBOKMUTVV7A", SensitiveType.AWS_ACCESS_KEY, "ASIAY34FZKBOKMUTVV7A");
        assertNone("AKIA1234 is too short and AKIAQ3EGH5RZ2XJ7T6PAXX too long");
    }

    @Test
    void openAiAndAnthropicKeys() {
        assertFound(
                "OPENAI_API_KEY=sk-proj-Q3eGh5Rz2Xj7T6pAk9LmN4bV8cX1 done",
                SensitiveType.OPENAI_KEY,
                "sk-proj-Q3eGh5Rz2Xj7T6pAk9LmN4bV8cX1");
        assertFound(
                "sk-4fG7hJ2kL9mN3pQ8rS5tV1wX6yZ0aB",
                SensitiveType.OPENAI_KEY,
                "sk-4fG7hJ2kL9mN3pQ8rS5tV1wX6yZ0aB");
        assertFound(
                "\"sk-ant-api03-Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg-AbCd\"",
                SensitiveType.ANTHROPIC_KEY,
                "sk-ant-api03-Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg-AbCd");
        // a package name, not a key
        assertNone("pip install sk-learn-extra-utilities-collection");
    }

    @Test
    void githubTokensNeedAValidChecksum() {
        String token = githubToken(new SplittableRandom(1));
        assertFound("GH_TOKEN=" + token, SensitiveType.GITHUB_TOKEN, token);
        char last = token.charAt(token.length() - 1);
        String broken = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertNone("GH " + broken + " is made up");
        String pat =
                "github_pat_11ABCDEFG0123456789abc_"
                        + "Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg9Fe8Dc7Ba6ZyXwVuTsRqPoNmLkJiHgF";
        assertFound(pat, SensitiveType.GITHUB_TOKEN, pat);
    }

    @Test
    void slackTokens() {
        String token =
                "xoxb-" + "2417963850" + "-" + "5081726394" + "-" + "Qw3Er5Ty7Ui9Op1As3Df5Gh7";
        assertFound("token " + token, SensitiveType.SLACK_TOKEN, token);
        assertNone("the xoxb- prefix alone");
    }

    @Test
    void jwtsNeedAHeaderNamingAnAlgorithm() {
        String jwt =
                b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
                        + "."
                        + b64url("{\"sub\":\"42\",\"role\":\"admin\"}")
                        + "."
                        + "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assertFound("Authorization: Bearer " + jwt, SensitiveType.JWT, jwt);
        String notJwt =
                b64url("{\"name\":\"x\",\"kind\":\"y\"}") + "." + b64url("{\"a\":1}") + ".sig";
        assertThat(SCANNER.scan(notJwt)).noneMatch(f -> f.type() == SensitiveType.JWT);
    }

    @Test
    void privateKeyBlocksWholeOrCutOff() {
        String body =
                "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
                        + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n";
        String block = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----";
        assertFound("key:\n" + block + "\nthanks", SensitiveType.PRIVATE_KEY, block);
        String cut = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body;
        assertThat(SCANNER.scan(cut))
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.type()).isEqualTo(SensitiveType.PRIVATE_KEY);
                            assertThat(f.start()).isZero();
                        });
        assertNone(
                "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----");
    }

    @Test
    void assignedSecretsNeedEntropyAndNoPlaceholder() {
        assertFound("db_password = \"S3cure!Pass\"", SensitiveType.GENERIC_SECRET, "S3cure!Pass");
        assertFound(
                "api_key: 'f8Kq2LmZ9xVt4RwB7nYc'",
                SensitiveType.GENERIC_SECRET,
                "f8Kq2LmZ9xVt4RwB7nYc");
        assertFound(
                "CLIENT_SECRET=9c2f7Ab41De8f0C3b6A5",
                SensitiveType.GENERIC_SECRET,
                "9c2f7Ab41De8f0C3b6A5");
        assertFound(
                "The wifi password is Tr0ub4dor&3 okay?",
                SensitiveType.GENERIC_SECRET,
                "Tr0ub4dor&3");
        assertNone("password: <your password>");
        assertNone("api_key = os.environ[\"API_KEY\"]");
        assertNone("token: ${GITHUB_TOKEN}");
        assertNone("secret_key = aaaaaaaaaaaaaaaaaaaa");
        assertNone("api_key = your_api_key_here");
        assertNone("The password is incorrect, try again.");
        assertNone("token: abcdefghijklmnopqrst"); // one character class, a word-like value
        assertNone("public_key = Zx8Yw7Vu6Ts5Rq4Po3Nm2");
    }

    @Test
    void specificTypesWinOverGenericAssignments() {
        List<SensitiveFinding> found = SCANNER.scan("AWS_ACCESS_KEY_ID=AKIAQ3EGH5RZ2XJ7T6PA");
        assertThat(found)
                .extracting(SensitiveFinding::type)
                .containsExactly(SensitiveType.AWS_ACCESS_KEY);
    }

    @Test
    void secretPreviewsHideTheValue() {
        String text = "OPENAI_API_KEY=sk-proj-Q3eGh5Rz2Xj7T6pAk9LmN4bV8cX1 and password=Hunter2!x";
        List<SensitiveFinding> found = SCANNER.scan(text);
        assertThat(found).hasSize(2);
        for (SensitiveFinding f : found) {
            String raw = text.substring(f.start(), f.end());
            assertThat(f.maskedPreview()).doesNotContain(raw);
            assertThat(f.type().secret()).isTrue();
        }
        assertThat(found.get(0).maskedPreview()).startsWith("sk-p").contains("\u2026");
        assertThat(found.get(1).maskedPreview()).isEqualTo("****");
    }

    /** A GitHub-format token with the CRC32 checksum GitHub puts in its last six characters. */
    static String githubToken(SplittableRandom rng) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            body.append(BASE62.charAt(rng.nextInt(62)));
        }
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] check = new char[6];
        for (int i = 5; i >= 0; i--) {
            check[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return "ghp_" + body + new String(check);
    }

    private static String b64url(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
