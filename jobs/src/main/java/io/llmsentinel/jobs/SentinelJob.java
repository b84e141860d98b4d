package io.llmsentinel.jobs;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A job of the suite as the launchers see it: a name, its options, and its Kafka wiring. */
public interface SentinelJob {
    /** The name used on the command line ({@code sentinel run NAME}) and in the web UI. */
    String name();

    /** Classes whose public static ConfigOption fields are this job's options. */
    List<Class<?>> optionHolders();

    /** Validates {@code conf} and adds the job's Kafka sources, graph and sinks to {@code env}. */
    void buildWithKafka(StreamExecutionEnvironment env, Configuration conf);
}
