package io.llmsentinel.cep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;

/**
 * A task metric group for test harnesses that keeps every metric its operators register, by dotted
 * name relative to the operator ({@code numLateRecordsDropped}, {@code sentinel.lateAnomalies}).
 * Flink's own intercepting groups do not see metrics of sub-groups.
 */
final class RecordingMetrics extends UnregisteredMetricGroups.UnregisteredTaskMetricGroup {
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    @Override
    public InternalOperatorMetricGroup getOrAddOperator(
            OperatorID operatorId, String name, Map<String, String> additionalVariables) {
        return new Group("", metrics);
    }

    /** The count of counter {@code name}; 0 when it was never registered. */
    long count(String name) {
        Metric m = metrics.get(name);
        return m == null ? 0 : ((Counter) m).getCount();
    }

    boolean has(String name) {
        return metrics.containsKey(name);
    }

    private static final class Group
            extends UnregisteredMetricGroups.UnregisteredOperatorMetricGroup {
        private final String prefix;
        private final Map<String, Metric> metrics;

        Group(String prefix, Map<String, Metric> metrics) {
            this.prefix = prefix;
            this.metrics = metrics;
        }

        @Override
        protected void addMetric(String name, Metric metric) {
            // the super constructor registers Flink's own metrics before the fields are set
            if (metrics != null) {
                metrics.put(prefix + name, metric);
            }
        }

        @Override
        public MetricGroup addGroup(String name) {
            return new Group(prefix + name + ".", metrics);
        }
    }
}
