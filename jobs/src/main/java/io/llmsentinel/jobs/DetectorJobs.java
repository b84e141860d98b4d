package io.llmsentinel.jobs;

import io.llmsentinel.jobs.config.JobSettings;
import io.llmsentinel.jobs.config.KafkaSettings;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.jobs.config.WatermarkSettings;
import io.llmsentinel.jobs.kafka.KafkaConnectors;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.util.function.Function;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Kafka ends every detector job shares: canonical events in (read_committed, per-partition
 * event-time watermarks with idleness), anomalies out (exactly-once). Keeps the detector job
 * classes down to their graphs.
 */
public final class DetectorJobs {
    private DetectorJobs() {}

    public static DataStream<LlmEvent> events(
            StreamExecutionEnvironment env,
            KafkaSettings kafka,
            WatermarkSettings watermarks,
            String jobName,
            StartingOffsets startingOffsets) {
        return events(env, kafka, watermarks, jobName, defaultGroupId(jobName), startingOffsets);
    }

    public static DataStream<LlmEvent> events(
            StreamExecutionEnvironment env,
            KafkaSettings kafka,
            WatermarkSettings watermarks,
            String jobName,
            String groupId,
            StartingOffsets startingOffsets) {
        return events(
                env,
                KafkaConnectors.eventsSource(kafka, groupId, startingOffsets),
                kafka,
                watermarks,
                jobName);
    }

    /**
     * The events stream from a given source (benchmarks pass a bounded one); uid and name are those
     * of the job's own source, so savepoints and the graph look the same either way.
     */
    public static DataStream<LlmEvent> events(
            StreamExecutionEnvironment env,
            KafkaSource<LlmEvent> source,
            KafkaSettings kafka,
            WatermarkSettings watermarks,
            String jobName) {
        return env.fromSource(
                        source,
                        watermarks.<LlmEvent>strategy((e, ts) -> e.eventTime),
                        "Kafka " + kafka.eventsTopic())
                .uid(jobName + "-events-source")
                .name("Kafka " + kafka.eventsTopic() + " (read_committed)");
    }

    /**
     * The whole Kafka wiring of a detector job around its graph: environment settings (uids,
     * checkpoints, max parallelism), the events source with watermarks, the exactly-once anomaly
     * sink.
     */
    public static void wire(
            StreamExecutionEnvironment env,
            JobSettings job,
            KafkaSettings kafka,
            WatermarkSettings watermarks,
            String jobName,
            KafkaSource<LlmEvent> source,
            Function<DataStream<LlmEvent>, DataStream<Anomaly>> graph) {
        JobEnvironment.apply(env, job);
        sinkAnomalies(graph.apply(events(env, source, kafka, watermarks, jobName)), kafka, jobName);
    }

    /** The consumer group of a detector job without a configurable one. */
    public static String defaultGroupId(String jobName) {
        return "llm-sentinel-" + jobName;
    }

    public static void sinkAnomalies(
            DataStream<Anomaly> anomalies, KafkaSettings kafka, String jobName) {
        anomalies
                .sinkTo(KafkaConnectors.anomalySink(kafka, jobName))
                .uid(jobName + "-anomalies-sink")
                .name("Kafka " + kafka.anomaliesTopic());
    }
}
