package io.llmsentinel.jobs.cost;

import io.llmsentinel.detectors.cost.EventPricer;
import io.llmsentinel.jobs.config.WatermarkSettings;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.TrafficSimulator;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.incident.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Simulated traffic for the cost ITs: events (without texts, which the cost job never reads),
 * ground truth, and what the data itself says about a tenant's spend.
 */
final class CostScenario {
    /** The events a running test job reads; the MiniCluster runs in this JVM. */
    private static volatile List<LlmEvent> current = List.of();

    final List<LlmEvent> events;
    final List<Incident> incidents;
    final long startMs;
    final long endMs;

    private CostScenario(
            List<LlmEvent> events, List<Incident> incidents, long startMs, long endMs) {
        this.events = events;
        this.incidents = incidents;
        this.startMs = startMs;
        this.endMs = endMs;
    }

    static CostScenario generate(long seed, double rate, Duration duration, String timeline) {
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .seed(seed)
                        .ratePerSecond(rate)
                        .duration(duration)
                        .timeline(Timeline.parse(timeline))
                        .build();
        TrafficSimulator simulator = new SimulatorRunner().simulator(config);
        List<LlmEvent> events = new ArrayList<>();
        while (simulator.hasNext()) {
            LlmEvent e = simulator.next().event();
            e.promptText = null;
            e.responseText = null;
            e.retrievedContent = null;
            events.add(e);
        }
        long start = SimulatorConfig.DEFAULT_START_TIME.toEpochMilli();
        return new CostScenario(
                List.copyOf(events), simulator.incidents(), start, start + duration.toMillis());
    }

    Incident incident(IncidentType type) {
        return incidents.stream().filter(i -> i.incidentType() == type).findFirst().orElseThrow();
    }

    List<LlmEvent> between(long fromMs, long toMs) {
        return events.stream().filter(e -> e.eventTime >= fromMs && e.eventTime < toMs).toList();
    }

    /**
     * The tenant's spend from the start of the run until {@code untilMs} (exclusive), priced as the
     * job prices it.
     */
    double spend(String tenant, long untilMs) {
        EventPricer pricer = new EventPricer(PricingTable.loadDefault());
        double sum = 0;
        for (LlmEvent e : events) {
            if (e.eventTime >= untilMs) {
                break;
            }
            if (tenant.equals(e.tenantId)) {
                sum += cost(pricer, e);
            }
        }
        return sum;
    }

    /** Time of the tenant's call that brings its spend since the start to {@code amount}. */
    long crossing(String tenant, double amount) {
        EventPricer pricer = new EventPricer(PricingTable.loadDefault());
        double sum = 0;
        for (LlmEvent e : events) {
            if (tenant.equals(e.tenantId)) {
                sum += cost(pricer, e);
                if (sum >= amount) {
                    return e.eventTime;
                }
            }
        }
        return -1;
    }

    private static double cost(EventPricer pricer, LlmEvent e) {
        if (e.costUsd != null) {
            return e.costUsd;
        }
        LlmEvent copy = new LlmEvent();
        copy.providerName = e.providerName;
        copy.requestModel = e.requestModel;
        copy.responseModel = e.responseModel;
        copy.eventTime = e.eventTime;
        copy.usageInputTokens = e.usageInputTokens;
        copy.usageOutputTokens = e.usageOutputTokens;
        copy.usageCacheReadInputTokens = e.usageCacheReadInputTokens;
        pricer.price(copy);
        return copy.costUsd == null ? 0 : copy.costUsd;
    }

    /**
     * A bounded source of these events in time order, with the job's watermarks: one reader, so the
     * order is that of the simulator.
     */
    DataStream<LlmEvent> source(StreamExecutionEnvironment env, WatermarkSettings watermarks) {
        current = events;
        return env.fromSequence(0, events.size() - 1)
                .setParallelism(1)
                .uid("test-sequence")
                .name("Event index")
                .map(i -> current.get(i.intValue()))
                .returns(TypeInformation.of(LlmEvent.class))
                .setParallelism(1)
                .uid("test-events")
                .name("Simulated events")
                .assignTimestampsAndWatermarks(
                        watermarks.<LlmEvent>strategy((e, ts) -> e.eventTime))
                .setParallelism(1)
                .uid("test-watermarks")
                .name("Event-time watermarks");
    }
}
