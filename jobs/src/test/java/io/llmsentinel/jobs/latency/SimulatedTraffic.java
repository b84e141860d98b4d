package io.llmsentinel.jobs.latency;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.TrafficSimulator;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.Timeline;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An unpaced simulator run for the latency tests: what to generate, the ground truth, and the
 * events without their texts (the latency job reads none of them, and they are most of an event's
 * bytes).
 */
record SimulatedTraffic(long seed, double ratePerSecond, Duration duration, String timeline)
        implements Serializable {

    SimulatorConfig config() {
        return SimulatorConfig.builder()
                .seed(seed)
                .ratePerSecond(ratePerSecond)
                .duration(duration)
                .timeline(Timeline.parse(timeline))
                .build();
    }

    TrafficSimulator simulator() {
        return new SimulatorRunner().simulator(config());
    }

    List<Incident> incidents() {
        return simulator().incidents();
    }

    long startMs() {
        return SimulatorConfig.DEFAULT_START_TIME.toEpochMilli();
    }

    /** More sequence numbers than the run has events (incidents add traffic on top of the rate). */
    long upperBoundEvents() {
        return (long) (ratePerSecond * duration.toSeconds() * 1.5) + 10_000;
    }

    void forEach(Consumer<LlmEvent> sink) {
        TrafficSimulator sim = simulator();
        while (sim.hasNext()) {
            sink.accept(stripped(sim.next().event()));
        }
    }

    List<LlmEvent> events() {
        List<LlmEvent> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    static LlmEvent stripped(LlmEvent e) {
        e.promptText = null;
        e.responseText = null;
        e.retrievedContent = null;
        e.embedding = null;
        return e;
    }
}
