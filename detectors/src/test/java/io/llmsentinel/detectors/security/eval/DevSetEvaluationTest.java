package io.llmsentinel.detectors.security.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.llmsentinel.detectors.security.scan.PromptScanner;
import io.llmsentinel.detectors.security.scan.SensitiveDataScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared development sets, when this machine has them (they are not part of the project):
 * guards against regressions below the floors recommended in docs/security-scanning.md. Skipped
 * when the folder is absent. Set {@code -Dsentinel.eval.dir=...} to point elsewhere.
 */
class DevSetEvaluationTest {

    @Test
    void promptInjectionDevSet() throws Exception {
        Path file = evalFile("prompt-injection-dev.jsonl");
        EvalDataset data = DatasetReader.read(file);
        InjectionReport report =
                InjectionEvaluator.evaluate(
                        ((EvalDataset.Injection) data).examples(),
                        PromptScanner.defaults(),
                        PredictionSink.none());
        assertThat(report.overall().recall()).as(report.toText()).isGreaterThanOrEqualTo(0.88);
        assertThat(report.overall().falsePositiveRate())
                .as(report.toText())
                .isLessThanOrEqualTo(0.02);
    }

    @Test
    void piiDevSet() throws Exception {
        Path file = evalFile("pii-dev.jsonl");
        EvalDataset data = DatasetReader.read(file);
        PiiReport report =
                PiiEvaluator.evaluate(
                        ((EvalDataset.Pii) data).examples(),
                        SensitiveDataScanner.defaults(),
                        PredictionSink.none());
        assertThat(report.microF1()).as(report.toText()).isGreaterThanOrEqualTo(0.95);
    }

    private static Path evalFile(String name) {
        String configured = System.getProperty("sentinel.eval.dir");
        Path found =
                Stream.of(configured, "../../shared/eval", "../shared/eval")
                        .filter(p -> p != null && !p.isBlank())
                        .map(p -> Path.of(p, name))
                        .filter(Files::isRegularFile)
                        .findFirst()
                        .orElse(null);
        assumeTrue(found != null, "evaluation data not present: " + name);
        return found;
    }
}
