package io.llmsentinel.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.interop.KnownGaps.Gap;
import io.llmsentinel.interop.LibraryBehaviour.Deviation;
import io.llmsentinel.interop.LibraryBehaviour.NotExported;
import io.llmsentinel.interop.Scenario.Call;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The suite's hand-written tables are consistent with the scenario and with themselves. Needs no
 * captures, so it runs on every build.
 */
class InteropTablesTest {
    private static final Set<String> APIS =
            Set.of("chat.completions", "embeddings", "responses", "completions");

    private final Scenario scenario = Scenario.load(InteropFiles.dir());

    @Test
    void theScenarioNamesOnlyCanonicalFields() {
        Set<String> fields =
                Arrays.stream(Field.values()).map(f -> f.json).collect(Collectors.toSet());
        Set<String> names = new HashSet<>();
        for (Call call : scenario.calls()) {
            assertThat(names.add(call.name())).as("duplicate call %s", call.name()).isTrue();
            assertThat(call.api()).as(call.name()).isIn(APIS);
            assertThat(call.request().path("model").isTextual()).as(call.name()).isTrue();
            List<String> keys = new ArrayList<>();
            call.canonical().fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as("%s: canonical fields", call.name()).isSubsetOf(fields);
            assertThat(call.canonical().path("status").asText())
                    .as("%s: canonical status", call.name())
                    .isEqualTo(call.fails() ? "error" : "ok");
        }
        assertThat(scenario.baggage()).containsKeys("user.id", "session.id");
    }

    @Test
    void knownGapsNameScenarioCallsAndNeverOverlap() {
        for (Gap gap : KnownGaps.GAPS) {
            assertThat(gap.item()).as(gap.toString()).isBetween(1, 7);
            assertThat(gap.what()).as(gap.toString()).isNotBlank();
            assertThat(gap.scope().calls()).as(gap.toString()).allMatch(scenario::hasCall);
        }
        assertThat(KnownGaps.GAPS)
                .as("one instrumentation per gap")
                .allMatch(g -> g.scope().instrumentations().size() == 1);
        assertNoOverlap(KnownGaps.GAPS, Gap::scope);
    }

    @Test
    void libraryBehaviourNamesScenarioCallsAndNeverOverlaps() {
        for (NotExported n : LibraryBehaviour.NOT_EXPORTED) {
            assertThat(scenario.hasCall(n.call())).as(n.toString()).isTrue();
        }
        assertThat(LibraryBehaviour.NOT_EXPORTED)
                .extracting(n -> n.instrumentation() + " " + n.call())
                .doesNotHaveDuplicates();
        for (Deviation d : LibraryBehaviour.DEVIATIONS) {
            assertThat(d.why()).as(d.toString()).isNotBlank();
            assertThat(d.scope().calls()).as(d.toString()).allMatch(scenario::hasCall);
            assertThat(d.scope().field())
                    .as("the one-event check is not a field")
                    .isNotEqualTo(Field.EVENT);
        }
        assertNoOverlap(LibraryBehaviour.DEVIATIONS, Deviation::scope);
    }

    /** Two entries for one instrumentation and field must not both cover a call. */
    private <T> void assertNoOverlap(List<T> entries, Function<T, FieldScope> scope) {
        for (Call call : scenario.calls()) {
            for (Instrumentation i : Instrumentation.values()) {
                for (Field f : Field.values()) {
                    List<T> covering =
                            entries.stream()
                                    .filter(e -> scope.apply(e).covers(i, f, call.name()))
                                    .toList();
                    assertThat(covering).as("%s %s %s", i, f, call.name()).hasSizeLessThan(2);
                }
            }
        }
    }
}
