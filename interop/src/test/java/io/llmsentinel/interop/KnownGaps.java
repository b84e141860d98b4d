package io.llmsentinel.interop;

import static io.llmsentinel.interop.Field.PROMPT_TEXT;
import static io.llmsentinel.interop.Field.RESPONSE_MODEL;
import static io.llmsentinel.interop.Field.RESPONSE_TEXT;
import static io.llmsentinel.interop.Field.RETRIEVED_CONTENT;
import static io.llmsentinel.interop.Instrumentation.OPENINFERENCE;
import static io.llmsentinel.interop.Instrumentation.OTEL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * THE table of what LLM-Sentinel does not map yet: per instrumentation and field (and, where only
 * some calls are affected, per call), with the item of issue 10's Build list that closes it. This
 * is the one place where an expected value is allowed to differ from what the decoders give.
 *
 * <p>Every entry is asserted to still be a gap
 * (InstrumentationInteropTest#everyKnownGapIsStillAGap): when a change to the mapping makes a field
 * come out right, that test fails and names the line to delete, or the calls to drop from its
 * {@code only(...)}. Closing a gap is a one-line change here; a new mismatch not listed here fails
 * the field-by-field test.
 */
final class KnownGaps {
    private KnownGaps() {}

    /**
     * One gap; about exactly one instrumentation, so that closing it never touches another.
     *
     * @param scope the instrumentation, the field, and the calls the gap is in (none named: every
     *     call for which the library emits the field)
     * @param item the item of issue 10's Build list that closes the gap
     * @param what where the value is, or what is wrong with it
     */
    record Gap(FieldScope scope, int item, String what) {
        Gap only(String... names) {
            return new Gap(scope.only(names), item, what);
        }

        Instrumentation instrumentation() {
            return scope.instrumentations().iterator().next();
        }

        @Override
        public String toString() {
            return scope + ": " + what + " (issue 10 item " + item + ")";
        }
    }

    static final List<Gap> GAPS = table();

    /** One line per gap: delete the line when the gap is closed. */
    private static List<Gap> table() {
        List<Gap> t = new ArrayList<>();
        // @opentelemetry/instrumentation-openai 0.21: content comes as OTLP logs
        t.add(gap(OTEL, PROMPT_TEXT, 5, "user turns are log records"));
        t.add(gap(OTEL, RESPONSE_TEXT, 5, "gen_ai.choice log records"));
        t.add(gap(OTEL, RETRIEVED_CONTENT, 5, "gen_ai.tool.message log records"));

        // @arizeai/openinference-instrumentation-openai 4.2: embedding spans carry the model
        // and input only as embedding.model_name / embedding.embeddings.N, not mapped yet
        t.add(gap(OPENINFERENCE, RESPONSE_MODEL, 1, "embedding.model_name").only("embeddings"));
        t.add(gap(OPENINFERENCE, PROMPT_TEXT, 1, "embedding.embeddings.N.text").only("embeddings"));

        // @traceloop/instrumentation-openai 0.27 and 0.22: no gap left (issue 10 items 2-4)

        return List.copyOf(t);
    }

    static Optional<Gap> find(Instrumentation i, Field field, String call) {
        return GAPS.stream().filter(g -> g.scope().covers(i, field, call)).findFirst();
    }

    private static Gap gap(Instrumentation i, Field field, int item, String what) {
        return new Gap(FieldScope.of(field, i), item, what);
    }
}
