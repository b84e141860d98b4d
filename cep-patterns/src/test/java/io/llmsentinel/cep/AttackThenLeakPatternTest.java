package io.llmsentinel.cep;

import static io.llmsentinel.cep.PatternHarness.matchesOf;
import static io.llmsentinel.cep.TestAnomalies.MINUTE;
import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.security;
import static io.llmsentinel.cep.TestAnomalies.securitySpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Anomaly;
import org.junit.jupiter.api.Test;

class AttackThenLeakPatternTest {
    final AttackThenLeakPattern pattern =
            new AttackThenLeakPattern(AttackThenLeakPattern.DEFAULT_WITHIN);

    @Test
    void anInjectionFollowedByALeakToTheSameUserIsACriticalPossibleExfiltration() throws Exception {
        Anomaly injection = security("prompt_injection", "u-1", T0);
        Anomaly leak = security("pii_leak", "u-1", T0 + 4 * MINUTE);

        PatternMatch m = matchesOf(pattern, injection, leak).get(0);

        assertThat(m.pattern).isEqualTo("attack_then_leak");
        assertThat(m.members).containsExactly(injection, leak);
        // both members are warnings: the pattern itself is what makes it critical
        assertThat(m.members).extracting(a -> a.severity).containsOnly("warning");
        assertThat(m.severity).isEqualTo("critical");
        assertThat(m.tenantId).isEqualTo("acme");
        assertThat(m.userId).isEqualTo("u-1");
        assertThat(m.sessionId).isNull();
        assertThat(m.serviceName).isNull();
        assertThat(m.rootCause.anomalyId).isEqualTo(injection.anomalyId);
        assertThat(m.title)
                .isEqualTo(
                        "Possible exfiltration by user u-1: prompt_injection then pii_leak in chat");
    }

    @Test
    void campaignsEscalationsAndJailbreaksThenCanaryOrSecretLeaksMatch() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                security("attack_campaign", "u-1", T0),
                                security("system_prompt_leak", "u-1", T0 + MINUTE),
                                security("jailbreak", "u-2", T0),
                                security("secret_leak", "u-2", T0 + MINUTE),
                                security("attack_escalation", "u-3", T0),
                                security("pii_leak", "u-3", T0 + MINUTE)))
                .extracting(m -> m.userId)
                .containsExactlyInAnyOrder("u-1", "u-2", "u-3");
    }

    @Test
    void anActorWithoutAUserIsFollowedByItsSession() throws Exception {
        Anomaly attack = securitySpec("retry_after_refusal").session("s-7").at(T0);
        Anomaly leak = securitySpec("secret_leak").session("s-7").at(T0 + MINUTE);

        PatternMatch m = matchesOf(pattern, attack, leak).get(0);

        assertThat(m.sessionId).isEqualTo("s-7");
        assertThat(m.userId).isNull();
        assertThat(m.title).startsWith("Possible exfiltration by session s-7:");
    }

    @Test
    void aLeakBeforeTheAttackIsNotItsResult() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                security("pii_leak", "u-1", T0),
                                security("prompt_injection", "u-1", T0 + MINUTE)))
                .isEmpty();
    }

    @Test
    void aLeakToAnotherActorIsNotTheAttackWorking() throws Exception {
        assertThat(
                        matchesOf(
                                pattern,
                                security("prompt_injection", "u-1", T0),
                                security("pii_leak", "u-2", T0 + MINUTE),
                                securitySpec("pii_leak").session("s-u-1").at(T0 + 2 * MINUTE)))
                .isEmpty();
    }

    @Test
    void aSecretInTheActorsOwnPromptIsNoLeakToThem() throws Exception {
        Anomaly pasted =
                securitySpec("secret_leak").user("u-1").evidence("field", "prompt").at(T0 + MINUTE);
        assertThat(pattern.accepts(pasted)).isFalse();
        assertThat(matchesOf(pattern, security("jailbreak", "u-1", T0), pasted)).isEmpty();
    }

    @Test
    void indirectInjectionIsNotAnAttackByTheUser() throws Exception {
        Anomaly poisoned = security("indirect_injection", "u-1", T0);
        assertThat(pattern.accepts(poisoned)).isFalse();
        assertThat(matchesOf(pattern, poisoned, security("pii_leak", "u-1", T0 + MINUTE)))
                .isEmpty();
    }

    @Test
    void anonymousTrafficHasNoActorToFollow() {
        Anomaly anonymous = securitySpec("prompt_injection").at(T0);
        assertThat(pattern.accepts(anonymous)).isFalse();
    }
}
