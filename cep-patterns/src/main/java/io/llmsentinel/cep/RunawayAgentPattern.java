package io.llmsentinel.cep;

import io.llmsentinel.detectors.cost.CostAnomalies;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.RootCauseHint;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@value #NAME}: an agent of a tenant loops and burns its money. Catches agent behaviour ({@code
 * runaway_session}: too many calls or tokens in one session; {@code input_token_bloat}: context
 * growing call after call) together with spending ({@code spend_spike} of the tenant or one of its
 * users, {@code budget_threshold}), in either order, on the same tenant.
 *
 * <p>Why: a looping agent shows up twice, as session behaviour and as spend, and the spend alert
 * alone does not say why. Either may be detected first: the budget can cross its warning share
 * before the session limits trip. The behaviour member is the root cause, whatever the order.
 *
 * <p>Window: {@link #DEFAULT_WITHIN} (30 min): spend is judged over windows of minutes against a
 * long baseline and budgets cross once per period, so the spend side can lag the loop by tens of
 * minutes. Skip strategy: skip past last event (see {@link TwoStepPattern}).
 */
public final class RunawayAgentPattern extends TwoStepPattern {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "runaway_agent";
    public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(30);
    public static final String UID_PREFIX = "correlation-runaway-agent";

    static final Set<String> AGENT_BEHAVIOUR =
            Set.of(CostAnomalies.RUNAWAY_SESSION, CostAnomalies.INPUT_TOKEN_BLOAT);
    static final Set<String> SPENDING =
            Set.of(CostAnomalies.SPEND_SPIKE, CostAnomalies.BUDGET_THRESHOLD);

    private static final EitherOrder KINDS = new EitherOrder(AGENT_BEHAVIOUR, SPENDING);

    public RunawayAgentPattern(Duration within) {
        super(NAME, PatternSubject.TENANT, UID_PREFIX, within);
    }

    @Override
    public boolean isMemberType(Anomaly a) {
        return CostAnomalies.DETECTOR.equals(a.detector) && KINDS.contains(a);
    }

    /** Behaviour with spending, or the reverse. */
    @Override
    boolean canFollow(Anomaly first, Anomaly next) {
        return isMemberType(next) && KINDS.completes(first, next);
    }

    @Override
    public String title(List<Anomaly> members) {
        boolean behaviourFirst = AGENT_BEHAVIOUR.contains(members.get(0).anomalyType);
        Anomaly behaviour = members.get(behaviourFirst ? 0 : 1);
        Anomaly spending = members.get(behaviourFirst ? 1 : 0);
        return "Runaway agent in "
                + subject().describe(behaviour)
                + (behaviour.sessionId == null ? "" : " (session " + behaviour.sessionId + ")")
                + ": "
                + behaviour.anomalyType
                + " with "
                + spending.anomalyType;
    }

    @Override
    public RootCauseHint rootCause(List<Anomaly> members) {
        return RootCauses.firstOf(
                AGENT_BEHAVIOUR,
                members,
                "the agent's behaviour drives the tenant's spend: the spending member is its"
                        + " effect, whichever was detected first");
    }
}
