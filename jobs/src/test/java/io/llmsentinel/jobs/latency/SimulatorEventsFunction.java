package io.llmsentinel.jobs.latency;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.TrafficSimulator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Turns sequence number n into the simulator's n-th event (none past the end), so a bounded {@code
 * fromSequence} source with parallelism 1 becomes a simulator source without holding the events in
 * memory. Numbers arrive in order; after a restore it fast-forwards to the first one.
 */
final class SimulatorEventsFunction extends RichFlatMapFunction<Long, LlmEvent> {
    private final SimulatedTraffic traffic;
    private transient TrafficSimulator simulator;
    private transient long produced;

    SimulatorEventsFunction(SimulatedTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    public void open(OpenContext openContext) {
        simulator = traffic.simulator();
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
            out.collect(SimulatedTraffic.stripped(simulator.next().event()));
        }
    }
}
