package io.llmsentinel.detectors.security;

/** Detector name and anomaly types of the security job (the wire names in llm.anomalies). */
public final class SecurityAnomalies {
    public static final String DETECTOR = "security";

    public static final String PROMPT_INJECTION = "prompt_injection";
    public static final String JAILBREAK = "jailbreak";
    public static final String INDIRECT_INJECTION = "indirect_injection";
    public static final String PII_LEAK = "pii_leak";
    public static final String SECRET_LEAK = "secret_leak";
    public static final String SYSTEM_PROMPT_LEAK = "system_prompt_leak";

    public static final String ATTACK_CAMPAIGN = "attack_campaign";
    public static final String ATTACK_ESCALATION = "attack_escalation";
    public static final String RETRY_AFTER_REFUSAL = "retry_after_refusal";

    private SecurityAnomalies() {}
}
