package io.llmsentinel.detectors.security.scan;

import java.util.Locale;
import java.util.Set;

/**
 * Secrets without a recognisable shape, found by their context: a value assigned to a key whose
 * name says it is secret ({@code password=}, {@code "api_key": "..."}, {@code DB_PASSWORD: ...},
 * {@code client_secret => ...}), or a password stated in prose ("the password is ...").
 *
 * <p>The value must look like a secret rather than a word, a placeholder or a reference:
 *
 * <ul>
 *   <li>passwords: at least 6 characters of at least two kinds (lower, upper, digit, symbol);
 *   <li>other secrets (tokens, keys): at least 16 characters of two or more kinds with Shannon
 *       entropy of at least {@value #MIN_ENTROPY} bits per character, which random strings have and
 *       words and identifiers do not;
 *   <li>never placeholders ({@code ****}, {@code <password>}, {@code ${DB_PASS}}, {@code
 *       your_api_key}) or code that reads the value elsewhere ({@code os.environ["KEY"]}).
 * </ul>
 */
final class AssignedSecretDetector {
    static final double MIN_ENTROPY = 3.0;
    private static final int MIN_PASSWORD = 6;
    private static final int MIN_TOKEN = 16;
    private static final int MAX_VALUE = 200;

    private static final String[] PASSWORD_KEYS = {"password", "passwd", "passphrase", "pwd"};
    private static final String[] SECRET_KEYS = {
        "secret",
        "token",
        "apikey",
        "api_key",
        "api-key",
        "credential",
        "private_key",
        "privatekey",
        "access_key",
        "accesskey",
        "auth_key",
        "signing_key",
        "encryption_key",
        "master_key",
        "client_key",
        "session_key",
        "conn_str",
        "connection_string",
        "bearer"
    };
    private static final Set<String> EXACT_KEYS = Set.of("pass", "pw", "key", "auth");
    private static final Set<String> PLACEHOLDERS =
            Set.of(
                    "null",
                    "none",
                    "nil",
                    "true",
                    "false",
                    "undefined",
                    "required",
                    "optional",
                    "string",
                    "example",
                    "placeholder",
                    "password",
                    "secret",
                    "token",
                    "changeme",
                    "redacted",
                    "hidden",
                    "masked",
                    "xxxxxx",
                    "empty",
                    "default");

    private AssignedSecretDetector() {}

    static void scan(String text, FindingCollector out) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '=' || c == ':') {
                assignment(text, i, out);
            } else if ((c == 'p' || c == 'P') && text.regionMatches(true, i, "password", 0, 8)) {
                prose(text, i + 8, out);
            }
        }
    }

    /** {@code key = value}, {@code key: value}, {@code "key": "value"}, {@code key => value}. */
    private static void assignment(String s, int op, FindingCollector out) {
        if (op > 0
                && (s.charAt(op - 1) == '='
                        || s.charAt(op - 1) == ':'
                        || s.charAt(op - 1) == '!')) {
            return; // the second character of "==", "::", ":=" was handled at the first
        }
        int keyEnd = op;
        while (keyEnd > 0 && s.charAt(keyEnd - 1) == ' ') {
            keyEnd--;
        }
        if (keyEnd > 0 && (s.charAt(keyEnd - 1) == '"' || s.charAt(keyEnd - 1) == '\'')) {
            keyEnd--;
        }
        int keyStart = keyEnd;
        while (keyStart > 0 && keyEnd - keyStart < 64 && isKeyChar(s.charAt(keyStart - 1))) {
            keyStart--;
        }
        if (keyStart == keyEnd) {
            return;
        }
        int kind = keyKind(s.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT));
        if (kind == 0) {
            return;
        }
        int v = op + 1;
        char next = Chars.at(s, v);
        if (next == '=' || next == '>') {
            v++; // ":=", "=>", "=="
        }
        value(s, v, kind, true, out);
    }

    /** "password is hunter2!", "password was: ...", "password - ...". */
    private static void prose(String s, int after, FindingCollector out) {
        int v = after;
        if (Chars.isWordChar(Chars.at(s, v)) && !s.regionMatches(true, v, "s ", 0, 2)) {
            return; // "passwords", "passwordless"
        }
        if (Chars.at(s, v) == 's') {
            v++;
        }
        while (Chars.at(s, v) == ' ') {
            v++;
        }
        if (s.regionMatches(true, v, "is", 0, 2) && !Chars.isWordChar(Chars.at(s, v + 2))) {
            v += 2;
        } else if (s.regionMatches(true, v, "was", 0, 3) && !Chars.isWordChar(Chars.at(s, v + 3))) {
            v += 3;
        } else {
            return;
        }
        if (Chars.at(s, v) == ':') {
            v++;
        }
        value(s, v, 1, false, out);
    }

    private static boolean isKeyChar(char c) {
        return Chars.isAlnum(c) || c == '_' || c == '-' || c == '.';
    }

    /** 1: a password key, 2: another secret key, 0: not a secret key. */
    private static int keyKind(String key) {
        if (key.contains("public")
                || key.endsWith("_id")
                || key.endsWith("-id")
                || key.endsWith("_url")
                || key.endsWith("_file")
                || key.endsWith("_path")) {
            return 0;
        }
        for (String k : PASSWORD_KEYS) {
            if (key.contains(k)) {
                return 1;
            }
        }
        if (EXACT_KEYS.contains(key)) {
            return key.startsWith("p") ? 1 : 2;
        }
        for (String k : SECRET_KEYS) {
            if (key.contains(k)) {
                return 2;
            }
        }
        return key.endsWith("_key") || key.endsWith("-key") || key.endsWith(".key") ? 2 : 0;
    }

    private static void value(
            String s, int from, int kind, boolean inAssignment, FindingCollector out) {
        int v = from;
        while (Chars.at(s, v) == ' ' || Chars.at(s, v) == '\t') {
            v++;
        }
        char quote = Chars.at(s, v);
        boolean quoted = quote == '"' || quote == '\'' || quote == '`';
        int start = quoted ? v + 1 : v;
        int end = start;
        while (end < s.length() && end - start <= MAX_VALUE) {
            char c = s.charAt(end);
            if (quoted ? c == quote || c == '\n' : endsBareValue(c, inAssignment)) {
                break;
            }
            end++;
        }
        if (!quoted) {
            while (end > start && ".,;:!?)".indexOf(s.charAt(end - 1)) >= 0) {
                end--; // sentence punctuation after a bare value
            }
        }
        if (end - start > MAX_VALUE || !looksSecret(s.substring(start, end), kind)) {
            return;
        }
        out.add(SensitiveType.GENERIC_SECRET, start, end);
    }

    /** Where an unquoted value ends; '&' only in assignments, where it separates URL parameters. */
    private static boolean endsBareValue(char c, boolean inAssignment) {
        return Character.isWhitespace(c)
                || c == '"'
                || c == '\''
                || c == ','
                || c == ';'
                || c == '}'
                || c == ']'
                || c == ')'
                || c == '<'
                || (c == '&' && inAssignment);
    }

    static boolean looksSecret(String value, int kind) {
        int length = value.length();
        if (length < (kind == 1 ? MIN_PASSWORD : MIN_TOKEN) || placeholder(value)) {
            return false;
        }
        if (classes(value) < 2) {
            return false;
        }
        return kind == 1 || Checksums.shannonEntropy(value) >= MIN_ENTROPY;
    }

    private static boolean placeholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(lower)
                || lower.startsWith("<")
                || lower.startsWith("$")
                || lower.startsWith("%")
                || lower.contains("{{")
                || lower.contains("${")
                || lower.contains("(")
                || lower.contains("[")
                || lower.startsWith("os.")
                || lower.startsWith("process.env")
                || lower.startsWith("env.")
                || lower.startsWith("http://")
                || lower.startsWith("https://")) {
            return true;
        }
        if (lower.contains("your") || lower.contains("example") || lower.contains("here")) {
            return true; // your_api_key, example-password, insert-key-here
        }
        char first = value.charAt(0);
        boolean allSame = value.chars().allMatch(c -> c == first);
        return allSame || value.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X' || c == '.');
    }

    /** How many of lower case, upper case, digits and symbols the value uses. */
    private static int classes(String value) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (Chars.isDigit(c)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
