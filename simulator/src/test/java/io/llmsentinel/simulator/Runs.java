package io.llmsentinel.simulator;

import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.sink.InMemoryRecordSink;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for tests that need simulated traffic. */
final class Runs {
    static final PricingTable PRICING = PricingTable.loadDefault();
    static final SimulatorRunner RUNNER = new SimulatorRunner(PRICING, Clock.systemUTC());

    private Runs() {}

    static TrafficSimulator simulator(SimulatorConfig config) {
        return RUNNER.simulator(config);
    }

    static List<SimulatedEvent> events(TrafficSimulator simulator) {
        List<SimulatedEvent> out = new ArrayList<>();
        simulator.forEachRemaining(out::add);
        return out;
    }

    static List<SimulatedEvent> events(SimulatorConfig config) {
        return events(simulator(config));
    }

    static InMemoryRecordSink records(SimulatorConfig config) {
        InMemoryRecordSink sink = new InMemoryRecordSink();
        RUNNER.run(config, sink, null);
        return sink;
    }
}
