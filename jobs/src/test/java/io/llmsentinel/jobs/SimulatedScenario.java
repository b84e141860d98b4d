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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A simulated run for job tests, the one place they get simulated traffic from: what to generate,
 * its ground truth, its events, and a bounded source that generates them inside a job.
 * Deterministic per seed, so a test can walk the very events its job reads.
 *
 * @param timeline incidents as {@link Timeline#parse} reads them; empty or {@code none} for none
 * @param withContent whether events keep their texts and embedding; see {@link #withoutContent()}
 */
public record SimulatedScenario(
        long seed, double rate, Duration duration, String timeline, boolean withContent)
        implements Serializable {

    /** A run whose events carry their texts and embeddings (security and drift read them). */
    public SimulatedScenario(long seed, double rate, Duration duration, String timeline) {
        this(seed, rate, duration, timeline, true);
    }

    /**
     * The same run with prompt, response and retrieved texts and embeddings removed from every
     * event: the latency and cost jobs read none of them, and they are most of an event's bytes.
     */
    public SimulatedScenario withoutContent() {
        return new SimulatedScenario(seed, rate, duration, timeline, false);
    }

    public SimulatorConfig config() {
        return SimulatorConfig.builder()
                .seed(seed)
                .ratePerSecond(rate)
                .duration(duration)
                .timeline(Timeline.parse(timeline))
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

    public long endMs() {
        return startMs() + duration.toMillis();
    }

    /** Whether {@code timeMs} falls inside an incident or the {@code graceMs} after it. */
    public boolean duringIncident(long timeMs, long graceMs) {
        return incidents().stream()
                .anyMatch(i -> timeMs >= i.startMs() && timeMs <= i.endMs() + graceMs);
    }

    /** Walks the run's events in simulator order without holding them. */
    public void forEach(Consumer<LlmEvent> sink) {
        TrafficSimulator sim = simulator();
        while (sim.hasNext()) {
            sink.accept(shaped(sim.next().event()));
        }
    }

    /** All the run's events in simulator order (mind the memory with content and long runs). */
    public List<LlmEvent> events() {
        List<LlmEvent> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /** How many events the run has (walks it). */
    public long eventCount() {
        TrafficSimulator sim = simulator();
        long n = 0;
        for (; sim.hasNext(); n++) {
            sim.next();
        }
        return n;
    }

    /** More sequence numbers than the run has events (incidents add traffic on top of the rate). */
    long upperBoundEvents() {
        return (long) (rate * duration.toSeconds() * 1.5) + 10_000;
    }

    /**
     * A bounded source of the run's events in simulator order, generated inside the job at
     * parallelism 1 (a simulated day does not fit in memory with its texts), with the given
     * watermarks.
     */
    public DataStream<LlmEvent> source(
            StreamExecutionEnvironment env, WatermarkSettings watermarks) {
        return env.fromSequence(0, upperBoundEvents())
                .setParallelism(1)
                .uid("test-sequence")
                .name("Sequence")
                .flatMap(new SimulatorEventsFunction(this))
                .setParallelism(1)
                .uid("test-simulator")
                .name("Simulator")
                .assignTimestampsAndWatermarks(
                        watermarks.<LlmEvent>strategy((e, ts) -> e.eventTime))
                .setParallelism(1)
                .uid("test-watermarks")
                .name("Event-time watermarks");
    }

    /** The event as this scenario hands it out: with or without its content. */
    LlmEvent shaped(LlmEvent e) {
        if (!withContent) {
            e.promptText = null;
            e.responseText = null;
            e.retrievedContent = null;
            e.embedding = null;
        }
        return e;
    }
}
