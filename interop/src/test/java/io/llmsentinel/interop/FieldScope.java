package io.llmsentinel.interop;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an entry of {@link LibraryBehaviour} or {@link KnownGaps} is about: which instrumentations,
 * which field, and which calls (none named: every call).
 */
record FieldScope(Set<Instrumentation> instrumentations, Field field, Set<String> calls) {
    static FieldScope of(Field field, Instrumentation... instrumentations) {
        return new FieldScope(Set.of(instrumentations), field, Set.of());
    }

    FieldScope only(String... names) {
        return new FieldScope(instrumentations, field, Set.of(names));
    }

    boolean covers(Instrumentation i, Field f, String call) {
        return instrumentations.contains(i) && field == f && covers(call);
    }

    boolean covers(String call) {
        return calls.isEmpty() || calls.contains(call);
    }

    @Override
    public String toString() {
        return instrumentations.stream()
                        .sorted()
                        .map(Instrumentation::toString)
                        .collect(Collectors.joining(", "))
                + " "
                + field
                + (calls.isEmpty() ? "" : " " + calls.stream().sorted().toList());
    }
}
