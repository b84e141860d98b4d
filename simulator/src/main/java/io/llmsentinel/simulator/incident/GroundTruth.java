package io.llmsentinel.simulator.incident;

import io.llmsentinel.schema.Codecs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The ground-truth file: one {@link Incident} JSON object per line, ordered by start time. */
public final class GroundTruth {
    private GroundTruth() {}

    public static void write(Path file, List<Incident> incidents) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Incident i : incidents) {
                    w.write(Codecs.toJsonString(i));
                    w.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth to " + file, e);
        }
    }

    public static List<Incident> read(Path file) {
        try {
            List<Incident> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(Codecs.fromJson(line, Incident.class));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth from " + file, e);
        }
    }
}
