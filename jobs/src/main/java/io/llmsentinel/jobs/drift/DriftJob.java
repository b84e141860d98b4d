package io.llmsentinel.jobs.drift;

import io.llmsentinel.detectors.drift.DriftFunction;
import io.llmsentinel.detectors.latency.RouteKeySelector;
import io.llmsentinel.jobs.DetectorJobs;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

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

    public static final SentinelJob DEFINITION =
            SentinelJob.of(
                    NAME,
                    DriftOptions.class,
                    (env, conf) -> buildWithKafka(env, DriftConfig.from(conf)));

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

    public static void buildWithKafka(StreamExecutionEnvironment env, DriftConfig config) {
        buildWithKafka(
                env,
                config,
                KafkaConnectors.eventsSource(
                        config.kafka(),
                        DetectorJobs.defaultGroupId(NAME),
                        config.startingOffsets()));
    }

    /** The same job over a given events source (benchmarks pass a bounded one). */
    public static void buildWithKafka(
            StreamExecutionEnvironment env, DriftConfig config, KafkaSource<LlmEvent> source) {
        DetectorJobs.wire(
                env,
                config.job(),
                config.kafka(),
                config.watermarks(),
                NAME,
                source,
                events -> build(events, config));
    }
}
