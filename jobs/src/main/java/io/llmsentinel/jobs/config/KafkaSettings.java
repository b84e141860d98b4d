package io.llmsentinel.jobs.config;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;

/** Kafka connection and topic names shared by the jobs. */
public record KafkaSettings(
        String bootstrapServers,
        String eventsTopic,
        String dlqTopic,
        String anomaliesTopic,
        String transactionalIdPrefix,
        Duration transactionTimeout)
        implements Serializable {

    public static KafkaSettings from(Configuration conf) {
        String servers = conf.get(CommonOptions.BOOTSTRAP_SERVERS);
        JobConfig.require(!servers.isBlank(), CommonOptions.BOOTSTRAP_SERVERS, "must be set");
        Duration txTimeout = conf.get(CommonOptions.TRANSACTION_TIMEOUT);
        JobConfig.require(
                txTimeout.compareTo(Duration.ofSeconds(10)) >= 0
                        && txTimeout.compareTo(Duration.ofMinutes(15)) <= 0,
                CommonOptions.TRANSACTION_TIMEOUT,
                "must be between 10 s and 15 min (the broker's default maximum)");
        return new KafkaSettings(
                servers,
                nonBlank(conf, CommonOptions.EVENTS_TOPIC),
                nonBlank(conf, CommonOptions.DLQ_TOPIC),
                nonBlank(conf, CommonOptions.ANOMALIES_TOPIC),
                nonBlank(conf, CommonOptions.TRANSACTIONAL_ID_PREFIX),
                txTimeout);
    }

    private static String nonBlank(
            Configuration conf, org.apache.flink.configuration.ConfigOption<String> option) {
        String v = conf.get(option);
        JobConfig.require(v != null && !v.isBlank(), option, "must not be blank");
        return v.trim();
    }
}
