package io.llmsentinel.jobs.savepoint;

import io.llmsentinel.schema.Codecs;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzipped JSON lines, the form of a fixture's committed input and outputs. The input is committed
 * next to the savepoint because the restore test must feed exactly the records the savepoint was
 * taken on, whatever the simulator generates by then.
 */
final class FixtureInput {
    static final String FILE = "input.jsonl.gz";

    private FixtureInput() {}

    static <T> void write(Path file, List<T> records) {
        writeLines(file, records.stream().map(Codecs::toJsonString).toList());
    }

    static <T> List<T> read(Path file, Class<T> type) {
        List<T> out = new ArrayList<>();
        readLines(file).forEach(line -> out.add(Codecs.fromJson(line, type)));
        return out;
    }

    static void writeLines(Path file, List<String> lines) {
        try (BufferedWriter w =
                new BufferedWriter(
                        new OutputStreamWriter(
                                new GZIPOutputStream(Files.newOutputStream(file)),
                                StandardCharsets.UTF_8))) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> readLines(Path file) {
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(file)),
                                StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
