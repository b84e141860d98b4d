package io.llmsentinel.cep;

import io.llmsentinel.detectors.common.Severity;
import io.llmsentinel.detectors.security.SecurityAnomalies;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.RootCauseHint;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.cep.EventComparator;

/**
 * {@value #NAME}: a possible exfiltration. Catches an attack by an actor ({@code prompt_injection},
 * which includes prompt-extraction attempts, {@code jailbreak}, {@code attack_campaign}, {@code
 * attack_escalation}, {@code retry_after_refusal}) followed by a leak in a response for the same
 * user or session ({@code pii_leak}, {@code secret_leak}, {@code system_prompt_leak}: the canary or
 * system prompt). Always critical.
 *
 * <p>Why: an attack alone is attempted, a leak alone may be an accident; the leak right after the
 * same actor attacked is the attack working. Secrets found in the actor's own prompt are not a leak
 * to them and do not complete the match. An attack and a leak of the same call share a timestamp;
 * the attack is ordered first ({@link CausesFirst}).
 *
 * <p>Window: {@link #DEFAULT_WITHIN} (30 min) from the attack: extraction takes a few turns, and
 * attack episodes stay open while the actor keeps trying. Skip strategy: skip past last event (see
 * {@link TwoStepPattern}).
 */
public final class AttackThenLeakPattern extends TwoStepPattern {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "attack_then_leak";
    public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(30);
    public static final String UID_PREFIX = "correlation-attack-then-leak";

    static final Set<String> ATTACKS =
            Set.of(
                    SecurityAnomalies.PROMPT_INJECTION,
                    SecurityAnomalies.JAILBREAK,
                    SecurityAnomalies.ATTACK_CAMPAIGN,
                    SecurityAnomalies.ATTACK_ESCALATION,
                    SecurityAnomalies.RETRY_AFTER_REFUSAL);
    static final Set<String> LEAKS =
            Set.of(
                    SecurityAnomalies.PII_LEAK,
                    SecurityAnomalies.SECRET_LEAK,
                    SecurityAnomalies.SYSTEM_PROMPT_LEAK);

    /** The evidence key and value the security detector gives a finding in the prompt. */
    static final String FIELD_EVIDENCE = "field";

    static final String FOUND_IN_PROMPT = "prompt";

    public AttackThenLeakPattern(Duration within) {
        super(NAME, PatternSubject.USER_OR_SESSION, UID_PREFIX, within);
    }

    @Override
    public EventComparator<Anomaly> order() {
        return new CausesFirst(ATTACKS);
    }

    @Override
    public boolean isMemberType(Anomaly a) {
        return SecurityAnomalies.DETECTOR.equals(a.detector)
                && (ATTACKS.contains(a.anomalyType) || isLeakToTheActor(a));
    }

    @Override
    boolean canStart(Anomaly a) {
        return isMemberType(a) && ATTACKS.contains(a.anomalyType);
    }

    @Override
    boolean canFollow(Anomaly first, Anomaly next) {
        return isMemberType(next) && isLeakToTheActor(next);
    }

    /** Exfiltration is always critical, whatever the members' own grades. */
    @Override
    public Severity severity(List<Anomaly> members) {
        return Severity.CRITICAL;
    }

    @Override
    public String title(List<Anomaly> members) {
        return "Possible exfiltration by "
                + subject().describe(members.get(0))
                + ": "
                + members.get(0).anomalyType
                + " then "
                + members.get(1).anomalyType
                + (members.get(1).serviceName == null ? "" : " in " + members.get(1).serviceName);
    }

    @Override
    public RootCauseHint rootCause(List<Anomaly> members) {
        return RootCauses.firstOf(
                ATTACKS,
                members,
                "the attack came first and the same actor then received "
                        + members.get(1).anomalyType.replace('_', ' ')
                        + " "
                        + RootCauses.spanSeconds(members)
                        + " s later: the leak is likely the attack working");
    }

    private static boolean isLeakToTheActor(Anomaly a) {
        return LEAKS.contains(a.anomalyType)
                && (a.evidence == null || !FOUND_IN_PROMPT.equals(a.evidence.get(FIELD_EVIDENCE)));
    }
}
