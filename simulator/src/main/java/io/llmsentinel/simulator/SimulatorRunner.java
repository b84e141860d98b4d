package io.llmsentinel.simulator;

import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.llmsentinel.simulator.encode.RecordEncoder;
import io.llmsentinel.simulator.encode.RecordEncoders;
import io.llmsentinel.simulator.incident.GroundTruth;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.sink.RecordSink;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a simulation into a sink: generates the events, encodes them, writes the records and the
 * ground truth. The API behind the CLI's {@code simulate} command.
 *
 * <pre>{@code
 * SimulatorConfig config = SimulatorConfig.builder().seed(7).ratePerSecond(1000)
 *         .duration(Duration.ofMinutes(30)).format(SourceFormat.OTLP_PROTO).build();
 * try (RecordSink sink = new FileRecordSink(Path.of("traffic.bin"), config.format())) {
 *     RunSummary summary = new SimulatorRunner().run(config, sink, Path.of("truth.jsonl"));
 * }
 * }</pre>
 *
 * <p>The ground truth is written before the first record, so that whoever watches a paced run can
 * read it at once. The sink is flushed at the end but not closed: the caller owns it. A paced run
 * stops early, cleanly, when its thread is interrupted.
 */
public final class SimulatorRunner {
    private final PricingTable pricing;
    private final Clock clock;
    private final Pacer pacer;

    public SimulatorRunner() {
        this(PricingTable.loadDefault(), Clock.systemUTC());
    }

    /**
     * @param clock read only by paced runs (start time and pacing)
     */
    public SimulatorRunner(PricingTable pricing, Clock clock) {
        this(pricing, clock, Pacer.sleepingOn(clock));
    }

    /**
     * @param clock read only by paced runs, for their start time
     * @param pacer how paced runs wait until an event is due; tests pass one that moves a manual
     *     clock instead of sleeping
     */
    public SimulatorRunner(PricingTable pricing, Clock clock, Pacer pacer) {
        this.pricing = pricing;
        this.clock = clock;
        this.pacer = pacer;
    }

    /** The event generator for this config, for callers that want events rather than records. */
    public TrafficSimulator simulator(SimulatorConfig config) {
        return simulator(config, config.startMs(clock));
    }

    private TrafficSimulator simulator(SimulatorConfig config, long startMs) {
        return TrafficSimulator.create(
                config.seed(),
                config.ratePerSecond(),
                startMs,
                config.duration(),
                config.timeline().resolve(config.duration()),
                pricing);
    }

    /**
     * @param groundTruthFile where to write the incidents as JSON lines; null to skip
     */
    public RunSummary run(SimulatorConfig config, RecordSink sink, Path groundTruthFile) {
        long startMs = config.startMs(clock);
        TrafficSimulator simulator = simulator(config, startMs);
        if (groundTruthFile != null) {
            GroundTruth.write(groundTruthFile, simulator.incidents());
        }
        RecordEncoder encoder =
                RecordEncoders.create(config.format(), config.seed(), config.badRecordRate());
        Pacer pacer = config.paced() ? this.pacer : Pacer.none();
        Counter counter = new Counter(sink);
        Map<IncidentType, Long> perIncident = new EnumMap<>(IncidentType.class);

        boolean interrupted = false;
        long lastEventMs = startMs;
        while (simulator.hasNext()) {
            SimulatedEvent next = simulator.next();
            try {
                pacer.awaitUntil(next.event().eventTime);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
                break;
            }
            lastEventMs = next.event().eventTime;
            if (next.incident() != null) {
                perIncident.merge(next.incident(), 1L, Long::sum);
            }
            encoder.encode(next.event(), counter);
        }
        encoder.flush(counter);
        sink.flush();
        long endMs = interrupted ? lastEventMs : startMs + config.duration().toMillis();
        return new RunSummary(
                counter.records,
                counter.events,
                counter.bad,
                simulator.incidents(),
                Map.copyOf(perIncident),
                startMs,
                endMs,
                interrupted);
    }

    /** Writes records to the sink and counts them. */
    private static final class Counter implements Consumer<EncodedRecord> {
        private final RecordSink sink;
        long records;
        long events;
        long bad;

        Counter(RecordSink sink) {
            this.sink = sink;
        }

        @Override
        public void accept(EncodedRecord r) {
            sink.write(r);
            records++;
            events += r.eventCount();
            if (r.hostile()) {
                bad++;
            }
        }
    }
}
