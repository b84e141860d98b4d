package io.llmsentinel.detectors.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.schema.LlmEvent;
import java.util.List;

/** Events and checks shared by the cost harness tests. */
final class CostTestEvents {
    /** 2025-06-02T00:00:00Z: the start of a day, an hour and a 10-minute window. */
    static final long T0 = 1_748_822_400_000L;

    static final long MINUTE = 60_000L;

    private static int next;

    private CostTestEvents() {}

    /** An ordinary successful call of tenant acme, user alice, session s-1 on gpt-4o. */
    static CostCall call(long time) {
        return CostCall.of(event(time));
    }

    /** The same call as a full event, before pricing. */
    static LlmEvent event(long time) {
        LlmEvent e = new LlmEvent();
        e.eventId = "ev-" + next++;
        e.eventTime = time;
        e.tenantId = "acme";
        e.userId = "alice";
        e.sessionId = "s-1";
        e.serviceName = "support-bot";
        e.providerName = "openai";
        e.requestModel = "gpt-4o";
        e.responseModel = "gpt-4o-2024-08-06";
        e.status = LlmEvent.STATUS_OK;
        e.usageInputTokens = 1000L;
        e.usageOutputTokens = 100L;
        e.responseFinishReasons = List.of("stop");
        e.latencyMs = 800;
        return e;
    }

    static CostCall costing(long time, double costUsd) {
        CostCall e = call(time);
        e.costUsd = costUsd;
        return e;
    }

    static List<Anomaly> opened(List<Anomaly> anomalies) {
        return anomalies.stream().filter(a -> Anomaly.STATUS_OPEN.equals(a.status)).toList();
    }

    static List<Anomaly> resolved(List<Anomaly> anomalies) {
        return anomalies.stream().filter(a -> Anomaly.STATUS_RESOLVED.equals(a.status)).toList();
    }

    /** Every record satisfies anomaly.schema.json and names the cost detector. */
    static void assertValid(List<Anomaly> anomalies) {
        for (Anomaly a : anomalies) {
            String json = Codecs.toJsonString(a);
            assertThat(ContractSchemas.errors(ContractSchemas.ANOMALY, json)).as(json).isEmpty();
            assertThat(a.detector).isEqualTo(CostAnomalies.DETECTOR);
        }
    }
}
