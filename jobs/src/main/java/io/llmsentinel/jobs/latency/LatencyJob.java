package io.llmsentinel.jobs.latency;

import io.llmsentinel.detectors.latency.LatencyDetectorFunction;
import io.llmsentinel.detectors.latency.RouteKeySelector;
import io.llmsentinel.jobs.DetectorJob;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The latency job: canonical events from {@code llm.events} in, keyed by route (provider, model,
 * service by default); per key and minute, latency and time-to-first-chunk sketches and error
 * counts; every minute the rules (sustained tail, p95/p99 and TTFT deviation from a rolling
 * baseline, error-rate spike, traffic drop) move their episodes; open and resolved records go to
 * {@code llm.anomalies} exactly-once.
 *
 * <p>{@link #build} is the whole graph and takes its input as a stream with event-time watermarks,
 * so the Kafka job, the tests and replay run the same operator.
 */
public final class LatencyJob {
    public static final String NAME = "latency";

    /** Operator uid: savepoints map the detector's state by it. Never change it. */
    public static final String DETECTOR_UID = "latency-detector";

    /** The job as the launchers, replay and the benchmarks see it. */
    public static final SentinelJob<LlmEvent, LatencyConfig, DataStream<Anomaly>> JOB =
            DetectorJob.of(NAME, LatencyOptions.class, LatencyConfig::from, LatencyJob::build);

    private LatencyJob() {}

    /** Anomalies (open and resolved records) from events that carry event-time watermarks. */
    public static DataStream<Anomaly> build(DataStream<LlmEvent> events, LatencyConfig config) {
        return events.keyBy(new RouteKeySelector(config.detector().dimensions()), Types.STRING)
                .process(new LatencyDetectorFunction(config.detector()))
                .returns(Anomaly.class)
                .uid(DETECTOR_UID)
                .name(
                        "Latency, errors and traffic per "
                                + config.detector().dimensions().stream()
                                        .map(d -> d.wireName())
                                        .toList()
                                + " (1-min slices)");
    }
}
