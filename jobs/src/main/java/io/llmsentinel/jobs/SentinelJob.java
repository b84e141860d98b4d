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

    /** Adds a job's Kafka wiring to an environment from its raw configuration. */
    @FunctionalInterface
    interface KafkaWiring {
        void build(StreamExecutionEnvironment env, Configuration conf);
    }

    /** A job definition from its name, its option holder and its Kafka wiring. */
    static SentinelJob of(String name, Class<?> options, KafkaWiring wiring) {
        return new SentinelJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Class<?>> optionHolders() {
                return List.of(options);
            }

            @Override
            public void buildWithKafka(StreamExecutionEnvironment env, Configuration conf) {
                wiring.build(env, conf);
            }
        };
    }
}
