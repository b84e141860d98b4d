package io.llmsentinel.jobs.security;

import io.llmsentinel.detectors.security.ScanSettings;
import io.llmsentinel.detectors.security.SecuritySettings;
import io.llmsentinel.jobs.config.CommonOptions;
import io.llmsentinel.jobs.config.StartingOffsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of the security job. Keys, defaults and descriptions are the documentation. */
public final class SecurityOptions {
    // The detector's defaults are the options' defaults: written once, in the settings records.
    private static final ScanSettings SCAN = ScanSettings.DEFAULTS;
    private static final SecuritySettings RULES = SecuritySettings.DEFAULTS;

    private SecurityOptions() {}

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            CommonOptions.startingOffsets(
                    "security", "the events topic (consumer group llm-sentinel-security)");

    public static final ConfigOption<Double> INJECTION_THRESHOLD =
            ConfigOptions.key("security.injection.threshold")
                    .doubleType()
                    .defaultValue(SCAN.injectionThreshold())
                    .withDescription(
                            "Calibrated prompt score (0..1) from which a prompt or retrieved"
                                    + " document counts as an injection or jailbreak attempt."
                                    + " Measure a change with sentinel eval-security.");

    public static final ConfigOption<Double> CRITICAL_SCORE =
            ConfigOptions.key("security.injection.critical-score")
                    .doubleType()
                    .defaultValue(RULES.criticalScore())
                    .withDescription(
                            "Injection and jailbreak episodes are critical from this score.");

    public static final ConfigOption<Boolean> SCAN_PROMPTS =
            ConfigOptions.key("security.scan.prompts")
                    .booleanType()
                    .defaultValue(SCAN.scanPrompts())
                    .withDescription("Scan prompts for injection and jailbreak attempts.");

    public static final ConfigOption<Boolean> SCAN_PROMPT_SECRETS =
            ConfigOptions.key("security.scan.prompt-secrets")
                    .booleanType()
                    .defaultValue(SCAN.scanPromptSecrets())
                    .withDescription(
                            "Report credentials (API keys, tokens, private keys) that users paste"
                                    + " into prompts: they leave the company with the request.");

    public static final ConfigOption<Boolean> SCAN_PROMPT_PII =
            ConfigOptions.key("security.scan.prompt-pii")
                    .booleanType()
                    .defaultValue(SCAN.scanPromptPii())
                    .withDescription(
                            "Report personal data in prompts. Off by default: users legitimately"
                                    + " give their own e-mail address or card to a support bot.");

    public static final ConfigOption<Boolean> SCAN_RESPONSES =
            ConfigOptions.key("security.scan.responses")
                    .booleanType()
                    .defaultValue(SCAN.scanResponses())
                    .withDescription(
                            "Scan responses for PII, secrets, canaries and system-prompt fragments.");

    public static final ConfigOption<Boolean> SCAN_RETRIEVED =
            ConfigOptions.key("security.scan.retrieved-content")
                    .booleanType()
                    .defaultValue(SCAN.scanRetrievedContent())
                    .withDescription(
                            "Scan retrieved documents and tool output for indirect injection.");

    public static final ConfigOption<Integer> MAX_SCAN_CHARS =
            ConfigOptions.key("security.scan.max-chars")
                    .intType()
                    .defaultValue(SCAN.maxScanChars())
                    .withDescription(
                            "Longer texts are scanned on their first and last half of this many"
                                    + " characters (counted in textsClipped): bounds the cost of"
                                    + " one huge record.");

    public static final ConfigOption<List<String>> CANARIES =
            ConfigOptions.key("security.canaries")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Canary strings planted in system prompts, separated by ';'. One in a"
                                    + " response is a system_prompt_leak.");

    public static final ConfigOption<List<String>> SYSTEM_PROMPT_FRAGMENTS =
            ConfigOptions.key("security.system-prompt-fragments")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Distinctive sentences of your system prompts, separated by ';';"
                                    + " matched in responses ignoring case and spacing.");

    public static final ConfigOption<String> REDACTION_SALT =
            ConfigOptions.key("security.redaction.salt")
                    .stringType()
                    .defaultValue(SCAN.redactionSalt())
                    .withDescription(
                            "Secret salt (at least 16 bytes) for the value hashes in evidence."
                                    + " Set it in production: unsalted hashes of small value"
                                    + " spaces (phone numbers, SSNs) can be reversed.");

    public static final ConfigOption<Duration> EPISODE_QUIET =
            ConfigOptions.key("security.episode.quiet-period")
                    .durationType()
                    .defaultValue(Duration.ofMillis(RULES.quietMs()))
                    .withDescription(
                            "A finding episode (one type, one actor or application) resolves"
                                    + " after this long without another finding.");

    public static final ConfigOption<Integer> CAMPAIGN_ATTEMPTS =
            ConfigOptions.key("security.campaign.attempts")
                    .intType()
                    .defaultValue(RULES.campaignAttempts())
                    .withDescription(
                            "Attacks by one actor within security.campaign.window that"
                                    + " make an attack_campaign.");

    public static final ConfigOption<Duration> CAMPAIGN_WINDOW =
            ConfigOptions.key("security.campaign.window")
                    .durationType()
                    .defaultValue(Duration.ofMillis(RULES.campaignWindowMs()))
                    .withDescription(
                            "Window in which security.campaign.attempts attacks by one"
                                    + " actor make an attack_campaign; the campaign resolves after"
                                    + " this long without attacks.");

    public static final ConfigOption<Integer> ESCALATION_TURNS =
            ConfigOptions.key("security.escalation.turns")
                    .intType()
                    .defaultValue(RULES.escalationTurns())
                    .withDescription(
                            "Consecutive turns of a session whose prompt scores must"
                                    + " rise, ending in an attack, for an attack_escalation (rising"
                                    + " by security.escalation.min-rise in total).");

    public static final ConfigOption<Double> ESCALATION_MIN_RISE =
            ConfigOptions.key("security.escalation.min-rise")
                    .doubleType()
                    .defaultValue(RULES.escalationMinRise())
                    .withDescription(
                            "How much the prompt score must rise in total over"
                                    + " security.escalation.turns turns for an attack_escalation.");

    public static final ConfigOption<Duration> RETRY_WINDOW =
            ConfigOptions.key("security.retry.window")
                    .durationType()
                    .defaultValue(Duration.ofMillis(RULES.retryWindowMs()))
                    .withDescription(
                            "An attack this soon after a refusal in the same session is a"
                                    + " retry_after_refusal.");

    public static final ConfigOption<Duration> SESSION_IDLE =
            ConfigOptions.key("security.session.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMillis(RULES.sessionIdleMs()))
                    .withDescription(
                            "A session without turns this long is forgotten; its escalation and"
                                    + " retry episodes resolve.");

    public static final ConfigOption<Integer> MAX_SESSIONS =
            ConfigOptions.key("security.session.max-per-actor")
                    .intType()
                    .defaultValue(RULES.maxSessionsPerActor())
                    .withDescription(
                            "Sessions remembered per actor (bounds state); the longest idle one is"
                                    + " dropped first.");
}
