package io.llmsentinel.cli;

import io.llmsentinel.detectors.security.eval.DatasetReader;
import io.llmsentinel.detectors.security.eval.EvalDataset;
import io.llmsentinel.detectors.security.eval.Floors;
import io.llmsentinel.detectors.security.eval.InjectionEvaluator;
import io.llmsentinel.detectors.security.eval.InjectionReport;
import io.llmsentinel.detectors.security.eval.PiiEvaluator;
import io.llmsentinel.detectors.security.eval.PiiReport;
import io.llmsentinel.detectors.security.eval.PredictionSink;
import io.llmsentinel.detectors.security.eval.PredictionsWriter;
import io.llmsentinel.detectors.security.scan.PromptScanner;
import io.llmsentinel.detectors.security.scan.SensitiveDataScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sentinel eval-security}: measures the security scanners on a labelled dataset. The kind of
 * dataset (prompt injection or PII) is told from its rows. Exit codes: 0 when every given floor
 * holds, 1 when one does not, 2 on bad input.
 */
@Command(
        name = "eval-security",
        mixinStandardHelpOptions = true,
        description =
                "Evaluate the prompt-injection scanner (recall, false-positive rate per source and"
                        + " kind) or the PII scanner (precision, recall, F1 per type) on a JSONL"
                        + " dataset. Exit 1 if a given floor is not met, 2 on bad input.")
public final class EvalSecurityCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--dataset",
            required = true,
            paramLabel = "FILE",
            description =
                    "JSONL rows {\"text\",\"label\",\"kind\",\"source\"} (injection) or"
                            + " {\"text\",\"spans\":[...]} (PII)")
    Path dataset;

    @Option(
            names = "--predictions",
            paramLabel = "FILE",
            description = "Write one JSON prediction per input row, in input order")
    Path predictions;

    @Option(
            names = "--threshold",
            paramLabel = "X",
            description =
                    "Prompt scanner threshold on the 0..1 score (default "
                            + PromptScanner.DEFAULT_THRESHOLD
                            + ")")
    Double threshold;

    @Option(
            names = "--min-recall",
            paramLabel = "R",
            description = "Fail (exit 1) if overall injection recall is below R (0..1)")
    Double minRecall;

    @Option(
            names = "--max-fpr",
            paramLabel = "F",
            description = "Fail (exit 1) if the false-positive rate on benign prompts exceeds F")
    Double maxFpr;

    @Option(
            names = "--min-pii-f1",
            paramLabel = "G",
            description = "Fail (exit 1) if PII micro-F1 over the structured types is below G")
    Double minPiiF1;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(dataset)) {
            throw new IllegalArgumentException("--dataset: no such file " + dataset);
        }
        if (threshold != null && !(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("--threshold must be in (0, 1): " + threshold);
        }
        Floors floors = new Floors(minRecall, maxFpr, minPiiF1);
        EvalDataset data = DatasetReader.read(dataset);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<String> violations;
        try (PredictionsWriter writer =
                predictions == null ? null : new PredictionsWriter(predictions)) {
            PredictionSink sink = writer == null ? PredictionSink.none() : writer;
            if (data instanceof EvalDataset.Injection injection) {
                PromptScanner scanner =
                        threshold == null
                                ? PromptScanner.defaults()
                                : PromptScanner.withThreshold(threshold);
                InjectionReport report =
                        InjectionEvaluator.evaluate(injection.examples(), scanner, sink);
                out.print(report.toText());
                violations = floors.violations(report);
                if (minPiiF1 != null) {
                    err.println("note: --min-pii-f1 does not apply to an injection dataset");
                }
            } else {
                EvalDataset.Pii pii = (EvalDataset.Pii) data;
                PiiReport report =
                        PiiEvaluator.evaluate(
                                pii.examples(), SensitiveDataScanner.defaults(), sink);
                out.print(report.toText());
                violations = floors.violations(report);
                if (minRecall != null || maxFpr != null || threshold != null) {
                    err.println(
                            "note: --threshold, --min-recall and --max-fpr do not apply to a PII"
                                    + " dataset");
                }
            }
        }
        out.flush();
        if (predictions != null) {
            out.println("predictions: " + predictions + " (" + data.size() + " rows)");
        }
        if (!violations.isEmpty()) {
            for (String v : violations) {
                err.println("eval-security: FAILED: " + v);
            }
            err.flush();
            return 1;
        }
        return 0;
    }
}
