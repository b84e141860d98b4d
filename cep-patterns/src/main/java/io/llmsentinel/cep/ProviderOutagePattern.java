package io.llmsentinel.cep;

import io.llmsentinel.detectors.latency.LatencyAnomalyType;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.RootCauseHint;
import java.time.Duration;
import java.util.List;

/**
 * {@value #NAME}: two or more models of one provider degrade at the same time. Catches an open
 * latency-detector anomaly (latency deviation or tail, {@code ttft_deviation}, {@code
 * error_rate_spike}, {@code traffic_drop}) on one model followed by one on a different model of the
 * same provider; the match is provider-level, with each model's anomaly as a member.
 *
 * <p>Why: when several models of a provider go bad together, the cause is the provider (an outage,
 * a rate-limit change, a network path), not any one application, and the person to tell is whoever
 * owns the provider relationship, once. The match completes at the second model: a third model's
 * anomaly is absorbed by the correlation job into the incident the match opened.
 *
 * <p>Window: {@link #DEFAULT_WITHIN} (5 min): an outage hits its models within minutes of each
 * other; two unrelated degradations a quarter of an hour apart are not one outage. Skip strategy:
 * skip past last event (see {@link TwoStepPattern}).
 */
public final class ProviderOutagePattern extends TwoStepPattern {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "provider_outage";
    public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(5);
    public static final String UID_PREFIX = "correlation-provider-outage";

    public ProviderOutagePattern(Duration within) {
        super(NAME, PatternSubject.PROVIDER, UID_PREFIX, within);
    }

    /** Every latency-detector type: a provider outage shows as latency, errors or lost traffic. */
    @Override
    public boolean isMemberType(Anomaly a) {
        return LatencyAnomalyType.DETECTOR.equals(a.detector) && a.model != null;
    }

    @Override
    boolean canFollow(Anomaly first, Anomaly next) {
        return isMemberType(next) && !next.model.equals(first.model);
    }

    @Override
    public String title(List<Anomaly> members) {
        return "Provider outage at "
                + members.get(0).providerName
                + ": "
                + members.get(0).model
                + " and "
                + members.get(1).model
                + " degraded within "
                + RootCauses.spanSeconds(members)
                + " s";
    }

    @Override
    public RootCauseHint rootCause(List<Anomaly> members) {
        return RootCauses.earliest(
                members,
                "first model of the provider to degrade; "
                        + members.get(1).model
                        + " followed "
                        + RootCauses.spanSeconds(members)
                        + " s later, so the provider is the likelier cause than either model");
    }
}
