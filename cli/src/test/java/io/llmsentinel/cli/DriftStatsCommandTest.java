package io.llmsentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sentinel drift-stats} through the real command line. */
class DriftStatsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void numericSamplesGiveOneJsonObjectWithTheDocumentedKeys() throws Exception {
        // Reference 0..99, current 0..49 (with blank lines): hand-derived values.
        Path ref = write("ref.txt", IntStream.range(0, 100).mapToObj(Integer::toString));
        Path cur =
                write(
                        "cur.txt",
                        Stream.concat(
                                IntStream.range(0, 50).mapToObj(i -> i + ".0"),
                                Stream.of("", "  ")));

        Run run = run("drift-stats", "--reference", ref.toString(), "--current", cur.toString());

        assertThat(run.code).isZero();
        JsonNode out = JSON.readTree(run.out);
        assertThat(fieldNames(out))
                .containsExactly(
                        "n_reference",
                        "n_current",
                        "ks_statistic",
                        "ks_pvalue",
                        "wasserstein",
                        "psi",
                        "jensen_shannon");
        assertThat(out.get("n_reference").asLong()).isEqualTo(100);
        assertThat(out.get("n_current").asLong()).isEqualTo(50);
        assertThat(out.get("ks_statistic").asDouble()).isEqualTo(0.5);
        assertThat(out.get("ks_pvalue").asDouble()).isBetween(0.0, 1e-5);
        assertThat(out.get("wasserstein").asDouble()).isCloseTo(25.0, within(1e-9));
        assertThat(out.get("psi").asDouble())
                .isCloseTo(
                        5 * 0.1 * Math.log(2) + 5 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1),
                        within(1e-12));
        assertThat(run.out.strip()).doesNotContain("\n");
    }

    @Test
    void categoricalSamplesUseTheChiSquareAgainstReferenceShares() throws Exception {
        Path ref = write("ref.txt", repeat("stop", 50, "length", 50));
        Path cur = write("cur.txt", repeat("stop", 30, " length ", 70));

        Run run =
                run(
                        "drift-stats",
                        "--reference",
                        ref.toString(),
                        "--current",
                        cur.toString(),
                        "--categorical");

        assertThat(run.code).isZero();
        JsonNode out = JSON.readTree(run.out);
        assertThat(fieldNames(out))
                .containsExactly(
                        "n_reference",
                        "n_current",
                        "chi2_statistic",
                        "chi2_pvalue",
                        "psi",
                        "jensen_shannon");
        assertThat(out.get("chi2_statistic").asDouble()).isCloseTo(16.0, within(1e-12));
        assertThat(out.get("chi2_pvalue").asDouble())
                .isCloseTo(6.334248366623988e-05, within(1e-15));
    }

    @Test
    void aNonNumericLineIsAUsageErrorNamingFileAndLine() throws Exception {
        Path ref = write("ref.txt", Stream.of("1", "2", "", "fast", "3"));
        Path cur = write("cur.txt", Stream.of("1", "2"));

        Run run = run("drift-stats", "--reference", ref.toString(), "--current", cur.toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains(ref + ":4").contains("'fast'");
        assertThat(run.out).isEmpty();
    }

    @Test
    void nonFiniteValuesAndTooFewValuesAreRejected() throws Exception {
        Path nan = write("nan.txt", Stream.of("1", "NaN"));
        Path one = write("one.txt", Stream.of("1"));
        Path ok = write("ok.txt", Stream.of("1", "2"));

        Run withNan = run("drift-stats", "--reference", ok.toString(), "--current", nan.toString());
        Run withOne = run("drift-stats", "--reference", one.toString(), "--current", ok.toString());

        assertThat(withNan.code).isEqualTo(2);
        assertThat(withNan.err).contains(nan + ":2");
        assertThat(withOne.code).isEqualTo(2);
        assertThat(withOne.err).contains(one.toString()).contains("at least 2");
    }

    /** The scipy-computed NAB cases, when the shared evaluation data is present. */
    @Test
    void matchesScipyOnTheNabSlices() throws Exception {
        Path eval = evalDir();
        JsonNode cases = JSON.readTree(eval.resolve("drift-reference-cases.json").toFile());
        for (JsonNode c : cases.get("computed_scipy")) {
            List<String> series = nabValues(eval, c.get("file").asText());
            Path ref = write("nab-ref.txt", slice(series, c.get("reference_rows")).stream());
            Path cur = write("nab-cur.txt", slice(series, c.get("current_rows")).stream());

            Run run =
                    run("drift-stats", "--reference", ref.toString(), "--current", cur.toString());

            assertThat(run.code).isZero();
            JsonNode out = JSON.readTree(run.out);
            assertThat(out.get("ks_statistic").asDouble())
                    .isCloseTo(c.get("ks_statistic").asDouble(), within(1e-15));
            assertThat(out.get("ks_pvalue").asDouble())
                    .isCloseTo(c.get("ks_pvalue").asDouble(), Percentage.withPercentage(1e-4));
            assertThat(out.get("wasserstein").asDouble())
                    .isCloseTo(c.get("wasserstein_1d").asDouble(), within(1e-12));
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = SentinelCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, Stream<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, lines.collect(Collectors.toList()));
        return file;
    }

    private static Stream<String> repeat(String a, int na, String b, int nb) {
        return Stream.concat(
                Stream.generate(() -> a).limit(na), Stream.generate(() -> b).limit(nb));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The shared evaluation data, outside the project; skipped when absent. */
    private static Path evalDir() {
        String rel = "shared/eval";
        Path found =
                Stream.of(System.getProperty("llmsentinel.evalDir"), "../" + rel, "../../" + rel)
                        .filter(s -> s != null && !s.isEmpty())
                        .map(Path::of)
                        .filter(p -> Files.isRegularFile(p.resolve("drift-reference-cases.json")))
                        .findFirst()
                        .orElse(null);
        assumeTrue(found != null, "shared evaluation data not present");
        return found;
    }

    /** The value column, as text; the folder stores nab/data/G/N.csv flat as nab/G__N.csv. */
    private static List<String> nabValues(Path eval, String file) throws Exception {
        Path asNamed = eval.resolve(file);
        Path flat =
                eval.resolve("nab").resolve(file.replaceFirst("^nab/data/", "").replace("/", "__"));
        Path path = Files.isRegularFile(asNamed) ? asNamed : flat;
        assumeTrue(Files.isRegularFile(path), "NAB series not present: " + file);
        List<String> lines = Files.readAllLines(path);
        int column = List.of(lines.get(0).split(",")).indexOf("value");
        return lines.subList(1, lines.size()).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.split(",")[column])
                .collect(Collectors.toList());
    }

    private static List<String> slice(List<String> values, JsonNode fromTo) {
        return values.subList(
                fromTo.get(0).asInt(), Math.min(fromTo.get(1).asInt(), values.size()));
    }
}
