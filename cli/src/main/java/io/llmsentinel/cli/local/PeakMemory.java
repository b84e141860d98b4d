package io.llmsentinel.cli.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reports the process's peak resident memory (Linux), the figure that sizes a laptop run. */
final class PeakMemory {
    private PeakMemory() {}

    static void print(PrintStream out) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    out.printf("peak resident memory: %d MB%n", kb / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: nothing to report
        }
    }
}
