package io.llmsentinel.detectors.cost;

import static io.llmsentinel.detectors.cost.CostTestEvents.MINUTE;
import static io.llmsentinel.detectors.cost.CostTestEvents.T0;
import static io.llmsentinel.detectors.cost.CostTestEvents.assertValid;
import static io.llmsentinel.detectors.cost.CostTestEvents.costing;
import static io.llmsentinel.detectors.cost.CostTestEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class BudgetFunctionTest {
    static final long HOUR = 60 * MINUTE;
    static final BudgetRules RULES =
            new BudgetRules(Budget.parseList("acme:hourly:10;acme:daily:100"), 0.8, 1.0);

    static KeyedOneInputStreamOperatorTestHarness<String, CostCall, Anomaly> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new BudgetFunction(RULES), e -> e.tenantId, Types.STRING);
    }

    /** A harness not opened yet, so that it can be restored from a snapshot first. */
    static KeyedOneInputStreamOperatorTestHarness<String, CostCall, Anomaly> unopened()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new BudgetFunction(RULES)),
                e -> e.tenantId,
                Types.STRING);
    }

    /** {@code n} calls of $1 each, one a minute from {@code from}. */
    static void spend(
            KeyedOneInputStreamOperatorTestHarness<String, CostCall, Anomaly> h, long from, int n)
            throws Exception {
        for (int i = 0; i < n; i++) {
            CostCall e = costing(from + i * MINUTE, 1.0);
            h.processElement(e, e.eventTime);
        }
    }

    static List<String> levels(List<Anomaly> anomalies, String period) {
        List<String> out = new ArrayList<>();
        for (Anomaly a : anomalies) {
            if (a.evidence.get("period").equals(period)) {
                out.add(a.evidence.get("level") + ":" + a.status);
            }
        }
        return out;
    }

    @Test
    void eachThresholdFiresOncePerPeriodAndResolvesWhenThePeriodEnds() throws Exception {
        var h = harness();
        spend(h, T0, 30); // $30 in the first hour: hourly 80% at $8, 100% at $10
        List<Anomaly> firstHour = List.copyOf(h.extractOutputValues());
        assertThat(levels(firstHour, "hourly")).containsExactly("warning:open", "critical:open");
        assertThat(levels(firstHour, "daily")).isEmpty();
        Anomaly warning = opened(firstHour).get(0);
        assertThat(warning.detectedAt).isEqualTo(T0 + 7 * MINUTE); // the 8th dollar
        assertThat(warning.severity).isEqualTo(Anomaly.SEVERITY_WARNING);
        assertThat(warning.tenantId).isEqualTo("acme");
        assertThat(warning.threshold).isEqualTo(8.0);
        assertThat(warning.sampleEventIds).hasSize(1);
        assertThat(opened(firstHour).get(1).severity).isEqualTo(Anomaly.SEVERITY_CRITICAL);

        h.processWatermark(T0 + HOUR);
        assertThat(levels(h.extractOutputValues(), "hourly"))
                .containsExactly(
                        "warning:open", "critical:open", "warning:resolved", "critical:resolved");

        spend(h, T0 + HOUR, 60); // second hour: fires again; day reaches $90
        spend(h, T0 + 2 * HOUR, 20); // third hour: day reaches $110
        h.processWatermark(T0 + 24 * HOUR);
        List<Anomaly> all = h.extractOutputValues();
        assertValid(all);
        assertThat(levels(all, "hourly")).hasSize(12); // 3 hours x 2 levels x open/resolved
        assertThat(levels(all, "daily"))
                .containsExactly(
                        "warning:open", "critical:open", "warning:resolved", "critical:resolved");
        Anomaly dailyCritical =
                all.stream()
                        .filter(a -> a.evidence.get("period").equals("daily"))
                        .filter(a -> a.evidence.get("level").equals("critical"))
                        .findFirst()
                        .orElseThrow();
        assertThat(dailyCritical.detectedAt).isEqualTo(T0 + 2 * HOUR + 9 * MINUTE); // $100
        assertThat(opened(all)).extracting(a -> a.episodeId).doesNotHaveDuplicates();

        // all periods over: nothing left
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void aRestartDoesNotRepeatAThresholdAlreadyCrossed() throws Exception {
        var before = harness();
        spend(before, T0, 9); // hourly warning fired at $8
        assertThat(levels(before.extractOutputValues(), "hourly")).containsExactly("warning:open");
        OperatorSubtaskState snapshot = before.snapshot(1L, T0 + 9 * MINUTE);
        before.close();

        var after = unopened();
        after.initializeState(snapshot);
        after.open();
        spend(after, T0 + 9 * MINUTE, 10); // $10 and beyond: only the critical one is new
        List<Anomaly> out = after.extractOutputValues();
        assertThat(levels(out, "hourly")).containsExactly("critical:open");
        after.processWatermark(T0 + HOUR);
        assertThat(levels(after.extractOutputValues(), "hourly"))
                .containsExactly("critical:open", "warning:resolved", "critical:resolved");
        after.close();
    }

    @Test
    void eventsOfAClosedPeriodAreIgnored() throws Exception {
        var h = harness();
        h.processWatermark(T0 + HOUR + MINUTE);
        spend(h, T0, 20); // the hour is closed; the day is not
        List<Anomaly> out = h.extractOutputValues();
        assertThat(levels(out, "hourly")).isEmpty();
        h.close();
    }

    @Test
    void otherTenantsPassTheFilterOnlyWithABudget() {
        BudgetFunction.HasBudget filter = new BudgetFunction.HasBudget(RULES);
        CostCall e = costing(T0, 1);
        assertThat(filter.filter(e)).isTrue();
        e.tenantId = "globex";
        assertThat(filter.filter(e)).isFalse();
        e.tenantId = null;
        assertThat(filter.filter(e)).isFalse();
    }
}
