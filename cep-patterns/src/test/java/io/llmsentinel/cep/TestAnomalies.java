package io.llmsentinel.cep;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.EpisodeIds;
import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.schema.Anomaly;
import java.util.List;

/** Detector anomalies as the detector jobs will emit them, for the correlation tests. */
final class TestAnomalies {
    static final long T0 = 1_700_000_000_000L;
    static final long MINUTE = 60_000;

    private TestAnomalies() {}

    static Anomaly open(
            String detector,
            String type,
            String service,
            String model,
            long windowEnd,
            Severity severity,
            String... sampleIds) {
        String episodeId = EpisodeIds.of(detector, type, SubjectKeys.of(service, model), windowEnd);
        return AnomalyFactory.open(detector, type, episodeId)
                .severity(severity)
                .serviceName(service)
                .model(model)
                .providerName("openai")
                .window(windowEnd - MINUTE, windowEnd)
                .detectedAt(windowEnd)
                .sampleEventIds(List.of(sampleIds))
                .build();
    }

    static Anomaly resolved(Anomaly open, long windowEnd) {
        return AnomalyFactory.resolved(open.detector, open.anomalyType, open.episodeId)
                .severity(Severity.INFO)
                .serviceName(open.serviceName)
                .model(open.model)
                .window(windowEnd - MINUTE, windowEnd)
                .detectedAt(windowEnd)
                .build();
    }
}
