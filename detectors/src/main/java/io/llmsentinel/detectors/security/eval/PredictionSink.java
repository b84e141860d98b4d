package io.llmsentinel.detectors.security.eval;

import io.llmsentinel.detectors.security.scan.PromptVerdict;
import io.llmsentinel.detectors.security.scan.SensitiveFinding;
import java.util.List;

/** Receives each row's prediction during an evaluation, in input order. */
public interface PredictionSink {
    void injection(int index, InjectionExample example, PromptVerdict verdict);

    void pii(int index, List<SensitiveFinding> findings);

    /** Discards predictions. */
    static PredictionSink none() {
        return new PredictionSink() {
            @Override
            public void injection(int index, InjectionExample example, PromptVerdict verdict) {}

            @Override
            public void pii(int index, List<SensitiveFinding> findings) {}
        };
    }
}
