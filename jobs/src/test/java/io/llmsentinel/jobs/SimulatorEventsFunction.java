package io.llmsentinel.jobs;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.TrafficSimulator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Turns sequence number n into the scenario's n-th event (none past the end), so a bounded {@code
 * fromSequence} source at parallelism 1 becomes a simulator source without holding the events in
 * memory. Numbers arrive in order; after a restore it fast-forwards to the first one.
 */
final class SimulatorEventsFunction extends RichFlatMapFunction<Long, LlmEvent> {
    private final SimulatedScenario scenario;
    private transient TrafficSimulator simulator;
    private transient long produced;

    SimulatorEventsFunction(SimulatedScenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public void open(OpenContext openContext) {
        simulator = scenario.simulator();
        produced = 0;
    }

    @Override
    public void flatMap(Long index, Collector<LlmEvent> out) {
        while (produced < index && simulator.hasNext()) {
            simulator.next();
            produced++;
        }
        if (produced == index && simulator.hasNext()) {
            produced++;
            out.collect(scenario.shaped(simulator.next().event()));
        }
    }
}
