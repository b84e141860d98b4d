package io.llmsentinel.jobs.cost;

import io.llmsentinel.jobs.config.JobConfig;
import java.util.HashMap;
import java.util.Map;

/** Cost job settings for the ITs: the defaults, with a 1 h warm-up to keep runs short. */
final class CostTestConfigs {
    private CostTestConfigs() {}

    static Map<String, String> settings(String budgets) {
        Map<String, String> s = new HashMap<>();
        s.put("cost.spend.warm-up", "1 h");
        s.put("cost.finish-length.warm-up", "1 h");
        s.put("cost.budgets", budgets);
        s.put("job.parallelism", "2");
        return s;
    }

    static CostConfig config(Map<String, String> settings) {
        return CostConfig.from(JobConfig.fromMap(settings, CostOptions.class));
    }
}
