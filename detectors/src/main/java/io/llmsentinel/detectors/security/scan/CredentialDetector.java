package io.llmsentinel.detectors.security.scan;

import java.nio.charset.StandardCharsets;

/**
 * Credentials recognisable by their own shape, wherever they appear:
 *
 * <ul>
 *   <li>AWS access key ids: {@code AKIA} (long-term) or {@code ASIA} (temporary) and 16 upper-case
 *       letters or digits;
 *   <li>Anthropic keys {@code sk-ant-...}; OpenAI keys {@code sk-...}, {@code sk-proj-...}, {@code
 *       sk-svcacct-...} with at least 20 characters mixing letters and digits;
 *   <li>GitHub tokens {@code ghp_/gho_/ghu_/ghs_/ghr_} with 36 characters whose CRC32 checksum
 *       holds, and fine-grained {@code github_pat_} tokens;
 *   <li>Slack tokens {@code xoxb-/xoxa-/xoxp-/xoxr-/xoxs-} (and app-level {@code xapp-});
 *   <li>JSON web tokens: three base64url parts whose header decodes to JSON naming an {@code alg};
 *   <li>PEM private key blocks, from {@code -----BEGIN ... PRIVATE KEY-----} to the matching end
 *       line (or the end of the base64 body when the block is cut off).
 * </ul>
 */
final class CredentialDetector {
    private CredentialDetector() {}

    static void scan(String text, FindingCollector out) {
        privateKeys(text, out);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Chars.isWordChar(Chars.at(text, i - 1)) && Chars.at(text, i - 1) != '-') {
                int end = match(text, i, c, out);
                if (end > i) {
                    i = end;
                    continue;
                }
            }
            i++;
        }
    }

    /** Tries every credential shape that can start with {@code c}; returns the end or -1. */
    private static int match(String s, int i, char c, FindingCollector out) {
        switch (c) {
            case 'A' -> {
                if (s.startsWith("AKIA", i) || s.startsWith("ASIA", i)) {
                    int end = run(s, i + 4, CredentialDetector::upperOrDigit);
                    if (end - i == 20 && !Chars.isWordChar(Chars.at(s, end))) {
                        out.add(SensitiveType.AWS_ACCESS_KEY, i, end);
                        return end;
                    }
                }
            }
            case 's' -> {
                if (s.startsWith("sk-ant-", i)) {
                    int end = run(s, i + 7, Chars::isBase64Url);
                    if (end - i >= 7 + 20 && mixed(s, i + 7, end)) {
                        out.add(SensitiveType.ANTHROPIC_KEY, i, end);
                        return end;
                    }
                } else if (s.startsWith("sk-", i)) {
                    int end = run(s, i + 3, Chars::isBase64Url);
                    if (end - i >= 3 + 20 && mixed(s, i + 3, end)) {
                        out.add(SensitiveType.OPENAI_KEY, i, end);
                        return end;
                    }
                }
            }
            case 'g' -> {
                if (s.startsWith("github_pat_", i)) {
                    int end = run(s, i + 11, CredentialDetector::alnumOrUnderscore);
                    if (end - i >= 11 + 40) {
                        out.add(SensitiveType.GITHUB_TOKEN, i, end);
                        return end;
                    }
                } else if (s.startsWith("gh", i)
                        && "pousr".indexOf(Chars.at(s, i + 2)) >= 0
                        && Chars.at(s, i + 3) == '_') {
                    int end = run(s, i + 4, Chars::isAlnum);
                    if (end - i == 40
                            && !Chars.isWordChar(Chars.at(s, end))
                            && Checksums.githubTokenChecksum(
                                    s.substring(i + 4, i + 34), s.substring(i + 34, i + 40))) {
                        out.add(SensitiveType.GITHUB_TOKEN, i, end);
                        return end;
                    }
                }
            }
            case 'x' -> {
                boolean slack =
                        (s.startsWith("xox", i) && "baprs".indexOf(Chars.at(s, i + 3)) >= 0)
                                || s.startsWith("xapp", i);
                if (slack && Chars.at(s, i + 4) == '-') {
                    int end = run(s, i + 5, c2 -> Chars.isAlnum(c2) || c2 == '-');
                    if (end - i >= 5 + 10 && digits(s, i + 5, end) >= 4) {
                        out.add(SensitiveType.SLACK_TOKEN, i, end);
                        return end;
                    }
                }
            }
            case 'e' -> {
                if (s.startsWith("eyJ", i)) {
                    int end = jwtEnd(s, i);
                    if (end > 0) {
                        out.add(SensitiveType.JWT, i, end);
                        return end;
                    }
                }
            }
            default -> {}
        }
        return -1;
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static int run(String s, int from, CharTest test) {
        int j = from;
        while (j < s.length() && test.test(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean upperOrDigit(char c) {
        return Chars.isUpper(c) || Chars.isDigit(c);
    }

    private static boolean alnumOrUnderscore(char c) {
        return Chars.isAlnum(c) || c == '_';
    }

    private static int digits(String s, int from, int to) {
        int d = 0;
        for (int i = from; i < to; i++) {
            d += Chars.isDigit(s.charAt(i)) ? 1 : 0;
        }
        return d;
    }

    /** Keys are random: digits and letters both appear; "sk-learn-docs-..." does not qualify. */
    private static boolean mixed(String s, int from, int to) {
        int letters = 0;
        for (int i = from; i < to; i++) {
            letters += Chars.isAsciiLetter(s.charAt(i)) ? 1 : 0;
        }
        return letters >= 8 && digits(s, from, to) >= 2;
    }

    // --- JWT ---

    private static int jwtEnd(String s, int start) {
        int headerEnd = run(s, start, Chars::isBase64Url);
        if (headerEnd - start < 10 || Chars.at(s, headerEnd) != '.') {
            return -1;
        }
        int payloadEnd = run(s, headerEnd + 1, Chars::isBase64Url);
        if (payloadEnd - headerEnd - 1 < 10 || Chars.at(s, payloadEnd) != '.') {
            return -1;
        }
        int signatureEnd = run(s, payloadEnd + 1, Chars::isBase64Url);
        byte[] header = PayloadDecoder.decodeBase64(s, start, headerEnd);
        if (header == null) {
            return -1;
        }
        String json = new String(header, StandardCharsets.UTF_8);
        if (!json.startsWith("{") || !json.contains("\"alg\"")) {
            return -1;
        }
        boolean unsigned = json.replace(" ", "").contains("\"alg\":\"none\"");
        if (signatureEnd - payloadEnd - 1 < 16 && !unsigned) {
            return -1;
        }
        return signatureEnd;
    }

    // --- PEM private keys ---

    private static void privateKeys(String s, FindingCollector out) {
        int begin = s.indexOf("-----BEGIN ");
        while (begin >= 0) {
            int labelEnd = s.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                return;
            }
            String label = s.substring(begin + 11, labelEnd);
            int next = labelEnd + 5;
            if (label.endsWith("PRIVATE KEY") && label.length() < 40) {
                String endLine = "-----END " + label + "-----";
                int end = s.indexOf(endLine, next);
                int blockEnd = end >= 0 ? end + endLine.length() : base64BodyEnd(s, next);
                if (blockEnd > next) {
                    out.add(SensitiveType.PRIVATE_KEY, begin, blockEnd);
                    next = blockEnd;
                }
            }
            begin = s.indexOf("-----BEGIN ", next);
        }
    }

    /** End of the base64 lines following a BEGIN line whose END line is missing. */
    private static int base64BodyEnd(String s, int from) {
        int j = from;
        int end = from;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (Chars.isAlnum(c) || c == '+' || c == '/' || c == '=') {
                end = j + 1;
            } else if (c != '\n' && c != '\r' && c != ' ') {
                break;
            }
            j++;
        }
        return end - from >= 32 ? end : -1;
    }
}
