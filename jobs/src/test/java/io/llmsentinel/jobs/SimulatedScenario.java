package io.llmsentinel.jobs;

import io.llmsentinel.jobs.config.WatermarkSettings;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.TrafficSimulator;
import io.llmsentinel.simulator.incident.Incident;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.incident.Timeline;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * A simulated run for detector ITs, texts included: its ground truth, and a bounded source that
 * generates the events in simulator order inside the job (a simulated day does not fit in memory
 * with its texts). Deterministic per seed, so a test can also walk the same events itself.
 */
public record SimulatedScenario(long seed, double rate, Duration duration, String timeline)
        implements Serializable {

    public SimulatorConfig config() {
        return SimulatorConfig.builder()
                .seed(seed)
                .ratePerSecond(rate)
                .duration(duration)
                .timeline(timeline.isEmpty() ? Timeline.none() : Timeline.parse(timeline))
                .build();
    }

    public TrafficSimulator simulator() {
        return new SimulatorRunner().simulator(config());
    }

    public List<Incident> incidents() {
        return simulator().incidents();
    }

    public Incident incident(IncidentType type) {
        return incidents().stream().filter(i -> i.incidentType() == type).findFirst().orElseThrow();
    }

    public long startMs() {
        return SimulatorConfig.DEFAULT_START_TIME.toEpochMilli();
    }

    /** Whether {@code timeMs} falls inside an incident or the {@code graceMs} after it. */
    public boolean duringIncident(long timeMs, long graceMs) {
        return incidents().stream()
                .anyMatch(i -> timeMs >= i.startMs() && timeMs <= i.endMs() + graceMs);
    }

    public void forEach(Consumer<LlmEvent> sink) {
        TrafficSimulator sim = simulator();
        while (sim.hasNext()) {
            sink.accept(sim.next().event());
        }
    }

    /** A bounded source of the run's events, generated in order at parallelism 1. */
    public DataStream<LlmEvent> source(
            StreamExecutionEnvironment env, WatermarkSettings watermarks) {
        // more sequence numbers than the run has events: incidents add traffic on top of the rate
        long upperBound = (long) (rate * duration.toSeconds() * 1.5) + 10_000;
        return env.fromSequence(0, upperBound)
                .setParallelism(1)
                .uid("test-sequence")
                .name("Sequence")
                .flatMap(new Events(this))
                .setParallelism(1)
                .uid("test-simulator")
                .name("Simulator")
                .assignTimestampsAndWatermarks(
                        watermarks.<LlmEvent>strategy((e, ts) -> e.eventTime))
                .setParallelism(1)
                .uid("test-watermarks")
                .name("Event-time watermarks");
    }

    /** Sequence number n becomes the simulator's n-th event (none past the end). */
    static final class Events extends RichFlatMapFunction<Long, LlmEvent> {
        private final SimulatedScenario scenario;
        private transient TrafficSimulator simulator;
        private transient long produced;

        Events(SimulatedScenario scenario) {
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
                out.collect(simulator.next().event());
            }
        }
    }
}
