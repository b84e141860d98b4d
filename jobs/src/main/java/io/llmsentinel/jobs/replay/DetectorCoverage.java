package io.llmsentinel.jobs.replay;

import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.jobs.config.DetectorConfig;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What a backtest can see: each detector's need of event-time history (warm-ups, baselines,
 * reference windows) as configured. A file shorter than a detector's need yields no anomaly from it
 * at all, which must be said rather than look like quiet traffic.
 */
public record DetectorCoverage(String detector, Duration historyNeeded) {

    /** Every detector of the catalog with the configuration it would run with. */
    public static List<DetectorCoverage> of(Configuration conf) {
        List<DetectorCoverage> out = new ArrayList<>();
        for (SentinelJob<LlmEvent, ?, DataStream<Anomaly>> d : JobCatalog.detectors()) {
            DetectorConfig config = (DetectorConfig) d.config(conf);
            out.add(new DetectorCoverage(d.name(), config.historyNeeded()));
        }
        return out;
    }

    /** Whether input spanning {@code eventTime} is too short for this detector to flag anything. */
    public boolean blindOn(Duration eventTime) {
        return eventTime.compareTo(historyNeeded) < 0;
    }
}
