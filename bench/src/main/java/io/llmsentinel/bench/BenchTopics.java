package io.llmsentinel.bench;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Deletes a run's output topics once counted: a 1M-record session would otherwise keep GBs. */
final class BenchTopics {
    private BenchTopics() {}

    static void delete(String bootstrap, Collection<String> topics) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // only disk space is at stake
            System.err.println("could not delete " + topics + ": " + e);
        }
    }
}
