package io.llmsentinel.jobs.savepoint;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A committed savepoint fixture: {@code savepoints/<version>/<job>/} holds the savepoint of the
 * job's graph taken after the first {@code split} records of the input, the input itself, the
 * outputs emitted up to the savepoint and {@code fixture.properties} (the pinned configuration, the
 * positions, what the state holds). Fixtures are never overwritten: a new one goes into a new
 * version directory next to the old ones, and every build restores all of them.
 */
record SavepointFixture(Path dir, String version, FixtureJob job, Properties properties) {
    /** Where the fixtures live, relative to the jobs module (the tests' working directory). */
    static final Path ROOT = Path.of("src", "test", "resources", "savepoints");

    static final String PROPERTIES = "fixture.properties";
    static final String SAVEPOINT = "savepoint";
    private static final String CONFIG_PREFIX = "config.";
    private static final String OUTPUT_PREFIX = "outputs-before-";
    private static final String OUTPUT_SUFFIX = ".jsonl.gz";

    static List<SavepointFixture> all() {
        List<SavepointFixture> out = new ArrayList<>();
        if (!Files.isDirectory(ROOT)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            files.filter(p -> p.getFileName().toString().equals(PROPERTIES))
                    .sorted()
                    .forEach(p -> out.add(load(p.getParent())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static SavepointFixture load(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SavepointFixture(
                dir,
                dir.getParent().getFileName().toString(),
                FixtureJob.parse(p.getProperty("job")),
                p);
    }

    /** Writes the descriptive part; the savepoint, input and outputs are written next to it. */
    static void writeProperties(
            Path dir, Map<String, String> values, Map<String, String> config, String comment) {
        Properties p = new Properties();
        values.forEach(p::setProperty);
        config.forEach((k, v) -> p.setProperty(CONFIG_PREFIX + k, v));
        try {
            StringWriter text = new StringWriter();
            p.store(text, comment);
            // one entry per line (store escapes line breaks): sorted, the file reads the same
            // whatever the map order
            List<String> lines = new ArrayList<>(text.toString().lines().toList());
            List<String> header = lines.stream().filter(l -> l.startsWith("#")).toList();
            List<String> entries = lines.stream().filter(l -> !l.startsWith("#")).sorted().toList();
            List<String> out = new ArrayList<>(header);
            out.addAll(entries);
            Files.write(dir.resolve(PROPERTIES), out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeOutputs(Path dir, Map<String, List<String>> outputs) {
        outputs.forEach(
                (kind, lines) ->
                        FixtureInput.writeLines(
                                dir.resolve(OUTPUT_PREFIX + kind + OUTPUT_SUFFIX), lines));
    }

    Path input() {
        return dir.resolve(FixtureInput.FILE);
    }

    /** The savepoint directory as Flink wants it for a restore. */
    String savepointPath() {
        return dir.resolve(SAVEPOINT).toAbsolutePath().toUri().toString();
    }

    long inputRecords() {
        return Long.parseLong(properties.getProperty("input.records"));
    }

    long splitRecords() {
        return Long.parseLong(properties.getProperty("split.records"));
    }

    /** The job configuration the fixture was taken with, every option spelled out. */
    Map<String, String> config() {
        Map<String, String> out = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(CONFIG_PREFIX)) {
                out.put(key.substring(CONFIG_PREFIX.length()), properties.getProperty(key));
            }
        }
        return out;
    }

    /** The outputs of the run up to the savepoint, by kind. */
    Map<String, List<String>> outputsBefore() {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(OUTPUT_PREFIX) && name.endsWith(OUTPUT_SUFFIX)) {
                    String kind =
                            name.substring(
                                    OUTPUT_PREFIX.length(), name.length() - OUTPUT_SUFFIX.length());
                    out.put(kind, FixtureInput.readLines(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public String toString() {
        return version + "/" + job.wireName();
    }
}
