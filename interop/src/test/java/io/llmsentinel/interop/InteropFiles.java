package io.llmsentinel.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the suite's files are, and what happens when the captures are not there: the interop tests
 * are skipped with a loud message, or fail when {@value #REQUIRED_PROPERTY} is true (CI).
 */
final class InteropFiles {
    /** CI passes -Dsentinel.interop.required=true: no captures is then a failure, not a skip. */
    static final String REQUIRED_PROPERTY = "sentinel.interop.required";

    /** interop/ itself; the Maven build sets it, an IDE run from the module folder needs none. */
    static final String DIR_PROPERTY = "sentinel.interop.dir";

    private InteropFiles() {}

    static Path dir() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Files.isRegularFile(Path.of("scenario.json")) ? Path.of("") : Path.of("interop");
    }

    static Path captures() {
        return dir().resolve("target").resolve("captures");
    }

    static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    /**
     * Returns normally when every instrumentation has a complete capture of today's scenario.json;
     * otherwise prints why and skips the calling test class (or fails it when captures are
     * required).
     */
    static void requireCaptures() {
        List<String> problems = new ArrayList<>();
        String scenarioHash = sha256(dir().resolve("scenario.json"));
        for (Instrumentation i : Instrumentation.values()) {
            List<String> missing = Capture.missingFiles(captures(), i);
            if (!missing.isEmpty()) {
                problems.add(i + ": missing " + String.join(", ", missing));
                continue;
            }
            String captured =
                    InteropJson.read(Capture.dir(captures(), i).resolve("run.json"))
                            .path("scenario_sha256")
                            .asText();
            if (!captured.equals(scenarioHash)) {
                problems.add(i + ": captured from another scenario.json (stale: capture again)");
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        String message = banner(problems);
        System.out.println(message);
        System.out.flush();
        if (required()) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    private static String banner(List<String> problems) {
        String rule = "=".repeat(100);
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append(rule).append('\n');
        sb.append(
                required()
                        ? "INTEROP CAPTURES MISSING and " + REQUIRED_PROPERTY + "=true: FAILING\n"
                        : "INTEROP TESTS SKIPPED: no usable captures of the real instrumentation"
                                + " libraries\n");
        sb.append("  in ").append(captures().toAbsolutePath().normalize()).append('\n');
        for (String p : problems) {
            sb.append("  - ").append(p).append('\n');
        }
        sb.append("They are made with Node.js >= 18.19 (no Maven involved):\n");
        sb.append("  cd interop && npm ci && npm run capture\n");
        sb.append(".ci/run does this before the build and passes -D")
                .append(REQUIRED_PROPERTY)
                .append("=true. See interop/README.md.\n");
        sb.append(rule);
        return sb.toString();
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
