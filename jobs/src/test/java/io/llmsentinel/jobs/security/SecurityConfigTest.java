package io.llmsentinel.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.detectors.security.ScanSettings;
import io.llmsentinel.detectors.security.SecuritySettings;
import io.llmsentinel.jobs.config.ConfigUnderTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityConfigTest {
    static final ConfigUnderTest<SecurityConfig> SECURITY =
            new ConfigUnderTest<>(SecurityOptions.class, SecurityConfig::from);

    @Test
    void optionDefaultsAreTheDetectorDefaults() {
        SecurityConfig c = SECURITY.load(Map.of());
        assertThat(c.scan()).isEqualTo(ScanSettings.defaults());
        assertThat(c.rules()).isEqualTo(SecuritySettings.defaults());
    }

    @Test
    void valuesReachTheScannerAndTheRules() {
        SecurityConfig c =
                SECURITY.load(
                        Map.of(
                                "security.injection.threshold", "0.7",
                                "security.canaries", "ZETA-CANARY-7731;OMEGA-CANARY-1",
                                "security.scan.prompt-pii", "true",
                                "security.campaign.attempts", "8",
                                "security.campaign.window", "30 min"));
        assertThat(c.scan().injectionThreshold()).isEqualTo(0.7);
        assertThat(c.scan().canaries()).containsExactly("ZETA-CANARY-7731", "OMEGA-CANARY-1");
        assertThat(c.scan().scanPromptPii()).isTrue();
        assertThat(c.rules().campaignAttempts()).isEqualTo(8);
        assertThat(c.rules().campaignWindowMs()).isEqualTo(30 * 60_000L);
    }

    @Test
    void errorsNameTheKey() {
        SECURITY.assertRejected("security.injection.threshold", "1.2", "between 0 and 1");
        SECURITY.assertRejected("security.canaries", "abc", "at least 8");
        SECURITY.assertRejected("security.redaction.salt", "short", "at least 16 bytes");
        SECURITY.assertRejected("security.campaign.attempts", "1", "at least 2");
        SECURITY.assertRejected("security.scan.max-chars", "10", "256");
        SECURITY.assertRejected("security.no-such-key", "1", "security.no-such-key");
    }

    /** Configuration errors end up in logs: a secret is described, never shown. */
    @Test
    void aBadSaltIsNotEchoed() {
        assertThatThrownBy(() -> SECURITY.load(Map.of("security.redaction.salt", "short-secret")))
                .hasMessageContaining("'security.redaction.salt'")
                .hasMessageContaining("12 chars")
                .hasMessageNotContaining("short-secret");
    }
}
