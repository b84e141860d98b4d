package io.llmsentinel.jobs.drift;

import io.llmsentinel.detectors.drift.DriftFunction;
import io.llmsentinel.detectors.latency.RouteKeySelector;
import io.llmsentinel.jobs.DetectorJob;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The drift job: canonical events from {@code llm.events}, keyed by service, model and prompt
 * template (configurable); per key and slice, bounded summaries of every numeric, categorical and
 * embedding feature; at each slice end the current window is compared with the reference (sliding
 * or pinned) and drift episodes open and resolve per feature, exactly-once into {@code
 * llm.anomalies}.
 */
public final class DriftJob {
    public static final String NAME = "drift";

    /** Operator uid: savepoints map the summaries and pinned references by it. Never change it. */
    public static final String DETECTOR_UID = "drift-detector";

    /** The job as the launchers, replay and the benchmarks see it. */
    public static final SentinelJob<LlmEvent, DriftConfig, DataStream<Anomaly>> JOB =
            DetectorJob.of(NAME, DriftOptions.class, DriftConfig::from, DriftJob::build);

    private DriftJob() {}

    public static DataStream<Anomaly> build(DataStream<LlmEvent> events, DriftConfig config) {
        return events.keyBy(new RouteKeySelector(config.dimensions()), Types.STRING)
                .process(new DriftFunction(config.detector()))
                .returns(Anomaly.class)
                .uid(DETECTOR_UID)
                .name(
                        "Drift per "
                                + config.dimensions().stream().map(d -> d.wireName()).toList()
                                + " ("
                                + config.detector()
                                        .referenceMode()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                + " reference)");
    }
}
