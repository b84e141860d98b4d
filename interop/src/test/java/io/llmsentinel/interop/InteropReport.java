package io.llmsentinel.interop;

import io.llmsentinel.interop.InstrumentationRun.CallResult;
import io.llmsentinel.interop.InstrumentationRun.FieldResult;
import io.llmsentinel.interop.KnownGaps.Gap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The measured tables of interop/README.md: per instrumentation, calls, LLM spans, events and
 * fields correct / emitted; per field, how many calls come out right. Printed in the build log and
 * written to interop/target/interop-report.md.
 */
final class InteropReport {
    private InteropReport() {}

    static String markdown(Collection<InstrumentationRun> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| instrumentation | calls | LLM spans | events | fields correct / emitted |")
                .append(" known gaps | skipped spans |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (InstrumentationRun run : runs) {
            List<FieldResult> emitted = emittedFields(run);
            long correct = emitted.stream().filter(FieldResult::matches).count();
            long events = run.proto.events().size();
            long gaps =
                    KnownGaps.GAPS.stream()
                            .filter(g -> g.instrumentation() == run.instrumentation)
                            .count();
            sb.append("| `")
                    .append(run.instrumentation.npmPackage)
                    .append("` ")
                    .append(run.instrumentation.version)
                    .append(" | ")
                    .append(run.calls.size())
                    .append(" | ")
                    .append(run.exportedCalls().size())
                    .append(" | ")
                    .append(events)
                    .append(" | ")
                    .append(correct)
                    .append(" / ")
                    .append(emitted.size())
                    .append(" | ")
                    .append(gaps)
                    .append(" | ")
                    .append(
                            run.skippedSpans().entrySet().stream()
                                    .map(e -> e.getValue().size() + " " + e.getKey())
                                    .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        sb.append('\n');
        sb.append("| field |");
        runs.forEach(r -> sb.append(' ').append(r.instrumentation.id).append(" |"));
        sb.append("\n|---|");
        runs.forEach(r -> sb.append("---|"));
        sb.append('\n');
        for (Field f : Field.values()) {
            sb.append("| ")
                    .append(f == Field.EVENT ? "one event per LLM span" : "`" + f.json + "`")
                    .append(" |");
            for (InstrumentationRun run : runs) {
                sb.append(' ').append(cell(run, f)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** "correct/emitted" over the exported calls, the gap's item when some are wrong. */
    private static String cell(InstrumentationRun run, Field f) {
        List<FieldResult> results =
                run.exportedCalls().stream()
                        .map(c -> c.field(f))
                        .filter(FieldResult::emitted)
                        .toList();
        if (results.isEmpty()) {
            return "not emitted";
        }
        long correct = results.stream().filter(FieldResult::matches).count();
        TreeSet<Integer> items = new TreeSet<>();
        results.stream()
                .filter(r -> !r.matches())
                .forEach(r -> r.gap().map(Gap::item).ifPresent(items::add));
        String cell = correct + "/" + results.size();
        return items.isEmpty()
                ? cell
                : cell
                        + " (gap: item "
                        + items.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + ")";
    }

    /** Fields the library gives, over its exported calls (the one-event check not counted). */
    static List<FieldResult> emittedFields(InstrumentationRun run) {
        return run.exportedCalls().stream()
                .map(CallResult::fields)
                .flatMap(List::stream)
                .filter(r -> r.field() != Field.EVENT && r.emitted())
                .toList();
    }

    static void write(Path file, String markdown) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
