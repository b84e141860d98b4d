package io.llmsentinel.detectors.drift.stats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared evaluation data, kept outside the project (never copied into it). Surefire runs in the
 * module directory, so look relative to it and to the project root; the system property {@code
 * llmsentinel.evalDir} overrides. Tests that need it are skipped when it is absent.
 */
final class EvalData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalData() {}

    static Path dir() {
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

    static JsonNode referenceCases() {
        try {
            return JSON.readTree(dir().resolve("drift-reference-cases.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code value} column of a NAB series, data rows only. The cases name files as {@code
     * nab/data/<group>/<name>.csv}; the folder stores them flat as {@code nab/<group>__<name>.csv}.
     */
    static double[] nabValues(String file) {
        Path base = dir();
        Path asNamed = base.resolve(file);
        Path flat =
                base.resolve("nab").resolve(file.replaceFirst("^nab/data/", "").replace("/", "__"));
        Path path = Files.isRegularFile(asNamed) ? asNamed : flat;
        assumeTrue(Files.isRegularFile(path), "NAB series not present: " + file);
        try {
            List<String> lines = Files.readAllLines(path);
            int column = List.of(lines.get(0).split(",")).indexOf("value");
            List<Double> values = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    values.add(Double.parseDouble(line.split(",")[column]));
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows {@code [from, to)} of a series, as the cases' {@code [from, to]} pairs mean. */
    static double[] slice(double[] values, JsonNode fromTo) {
        int from = fromTo.get(0).asInt();
        int to = Math.min(fromTo.get(1).asInt(), values.length);
        double[] out = new double[to - from];
        System.arraycopy(values, from, out, 0, out.length);
        return out;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
