package io.llmsentinel.jobs.kafka;

import io.llmsentinel.jobs.TestClusters;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The job settings every IT on the embedded broker shares; each adds its topics and options. */
public final class BrokerJobSettings {
    private BrokerJobSettings() {}

    /**
     * @param transactionalIdPrefix unique per test: a restored or restarted job aborts the open
     *     transactions of its prefix, which must not be another test's
     * @param checkpointInterval how often output is committed, so how soon a test sees it
     */
    public static Map<String, String> of(
            String bootstrapServers, String transactionalIdPrefix, Duration checkpointInterval) {
        Map<String, String> s = new HashMap<>();
        s.put("kafka.bootstrap-servers", bootstrapServers);
        s.put("kafka.transactional-id-prefix", transactionalIdPrefix);
        // a transaction a failed attempt leaves open blocks read_committed readers until then
        s.put("kafka.transaction-timeout", "60 s");
        s.put("job.checkpoint-interval", checkpointInterval.toMillis() + " ms");
        s.put("job.parallelism", String.valueOf(TestClusters.PARALLELISM));
        return s;
    }
}
