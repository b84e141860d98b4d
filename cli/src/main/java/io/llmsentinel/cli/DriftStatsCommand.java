package io.llmsentinel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmsentinel.detectors.drift.stats.CategoricalDrift;
import io.llmsentinel.detectors.drift.stats.ExactDriftStatistics;
import io.llmsentinel.detectors.drift.stats.NumericDrift;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sentinel drift-stats}: the exact drift statistics between two files of values, with
 * scipy's conventions (docs/drift-statistics.md), as one JSON object on standard output.
 */
@Command(
        name = "drift-stats",
        mixinStandardHelpOptions = true,
        description =
                "Exact drift statistics between a reference and a current sample (one value per"
                        + " line, blank lines skipped), printed as one JSON object. Numeric: KS"
                        + " statistic and p-value, Wasserstein-1, PSI and Jensen-Shannon over the"
                        + " reference deciles. --categorical: chi-square, PSI and Jensen-Shannon"
                        + " over the categories.")
public final class DriftStatsCommand implements Callable<Integer> {
    /** A plain decimal number ({@code 12}, {@code -0.5}, {@code 3e-4}); no NaN or infinity. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;

    @Option(
            names = "--reference",
            required = true,
            paramLabel = "FILE",
            description = "Reference sample, one value per line")
    Path reference;

    @Option(
            names = "--current",
            required = true,
            paramLabel = "FILE",
            description = "Current sample, one value per line")
    Path current;

    @Option(
            names = "--categorical",
            description = "Treat each line as a category instead of a number")
    boolean categorical;

    @Override
    public Integer call() throws IOException {
        ObjectNode out = JSON.createObjectNode();
        if (categorical) {
            CategoricalDrift d =
                    ExactDriftStatistics.categorical(categories(reference), categories(current));
            out.put("n_reference", d.nReference());
            out.put("n_current", d.nCurrent());
            put(out, "chi2_statistic", d.chi2Statistic());
            put(out, "chi2_pvalue", d.chi2PValue());
            put(out, "psi", d.psi());
            put(out, "jensen_shannon", d.jensenShannon());
        } else {
            NumericDrift d = ExactDriftStatistics.numeric(numbers(reference), numbers(current));
            out.put("n_reference", d.nReference());
            out.put("n_current", d.nCurrent());
            put(out, "ks_statistic", d.ksStatistic());
            put(out, "ks_pvalue", d.ksPValue());
            put(out, "wasserstein", d.wasserstein());
            put(out, "psi", d.psi());
            put(out, "jensen_shannon", d.jensenShannon());
        }
        PrintWriter writer = spec.commandLine().getOut();
        writer.println(JSON.writeValueAsString(out));
        writer.flush();
        return 0;
    }

    /** JSON has no NaN or infinity; none is expected, but never print invalid JSON. */
    private static void put(ObjectNode out, String name, double value) {
        if (Double.isFinite(value)) {
            out.put(name, value);
        } else {
            out.putNull(name);
        }
    }

    /** Non-blank lines as numbers; a bad line is a usage error (exit 2) naming file and line. */
    static double[] numbers(Path file) {
        List<String> lines = read(file);
        double[] values = new double[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException(
                        file + ":" + (i + 1) + ": not a finite number: '" + abbreviate(text) + "'");
            }
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        file + ":" + (i + 1) + ": not a finite number: '" + abbreviate(text) + "'");
            }
            values[n++] = v;
        }
        if (n < 2) {
            throw new IllegalArgumentException(file + ": needs at least 2 values, found " + n);
        }
        return Arrays.copyOf(values, n);
    }

    /** Non-blank lines, surrounding whitespace removed, as categories. */
    static List<String> categories(Path file) {
        List<String> values = new ArrayList<>();
        for (String line : read(file)) {
            String text = line.strip();
            if (!text.isEmpty()) {
                values.add(text);
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(file + ": no values");
        }
        return values;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
