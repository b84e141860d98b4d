package io.llmsentinel.detectors.security.eval;

import java.util.List;

/** A labelled evaluation dataset, of one of the two kinds {@link DatasetReader} recognises. */
public sealed interface EvalDataset {
    int size();

    /** Rows {@code {"text", "label", "kind", "source"}}. */
    record Injection(List<InjectionExample> examples) implements EvalDataset {
        public Injection {
            examples = List.copyOf(examples);
        }

        @Override
        public int size() {
            return examples.size();
        }
    }

    /** Rows {@code {"text", "spans": [{"entity_type", "start_position", "end_position"}]}}. */
    record Pii(List<PiiExample> examples) implements EvalDataset {
        public Pii {
            examples = List.copyOf(examples);
        }

        @Override
        public int size() {
            return examples.size();
        }
    }
}
