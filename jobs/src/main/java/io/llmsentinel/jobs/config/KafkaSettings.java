package io.llmsentinel.jobs.config;

import static io.llmsentinel.jobs.config.ConfigRules.durationWithin;
import static io.llmsentinel.jobs.config.ConfigRules.nonBlank;

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
        return new KafkaSettings(
                nonBlank(conf, CommonOptions.BOOTSTRAP_SERVERS),
                nonBlank(conf, CommonOptions.EVENTS_TOPIC),
                nonBlank(conf, CommonOptions.DLQ_TOPIC),
                nonBlank(conf, CommonOptions.ANOMALIES_TOPIC),
                nonBlank(conf, CommonOptions.TRANSACTIONAL_ID_PREFIX),
                // the upper bound is the broker's default transaction.max.timeout.ms
                durationWithin(
                        conf,
                        CommonOptions.TRANSACTION_TIMEOUT,
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(15)));
    }
}
