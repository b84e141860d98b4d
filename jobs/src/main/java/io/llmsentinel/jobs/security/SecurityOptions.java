package io.llmsentinel.jobs.security;

import io.llmsentinel.jobs.config.CommonOptions;
import io.llmsentinel.jobs.config.StartingOffsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of the security job. Keys, defaults and descriptions are the documentation. */
public final class SecurityOptions {
    private SecurityOptions() {}

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            CommonOptions.startingOffsets(
                    "security", "the events topic (consumer group llm-sentinel-security)");

    public static final ConfigOption<Double> INJECTION_THRESHOLD =
            ConfigOptions.key("security.injection.threshold")
                    .doubleType()
                    .defaultValue(0.5)
                    .withDescription(
                            "Calibrated prompt score (0..1) from which a prompt or retrieved"
                                    + " document counts as an injection or jailbreak attempt."
                                    + " Measure a change with sentinel eval-security.");

    public static final ConfigOption<Double> CRITICAL_SCORE =
            ConfigOptions.key("security.injection.critical-score")
                    .doubleType()
                    .defaultValue(0.9)
                    .withDescription(
                            "Injection and jailbreak episodes are critical from this score.");

    public static final ConfigOption<Boolean> SCAN_PROMPTS =
            ConfigOptions.key("security.scan.prompts")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Scan prompts for injection and jailbreak attempts.");

    public static final ConfigOption<Boolean> SCAN_PROMPT_SECRETS =
            ConfigOptions.key("security.scan.prompt-secrets")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Report credentials (API keys, tokens, private keys) that users paste"
                                    + " into prompts: they leave the company with the request.");

    public static final ConfigOption<Boolean> SCAN_PROMPT_PII =
            ConfigOptions.key("security.scan.prompt-pii")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Report personal data in prompts. Off by default: users legitimately"
                                    + " give their own e-mail address or card to a support bot.");

    public static final ConfigOption<Boolean> SCAN_RESPONSES =
            ConfigOptions.key("security.scan.responses")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Scan responses for PII, secrets, canaries and system-prompt fragments.");

    public static final ConfigOption<Boolean> SCAN_RETRIEVED =
            ConfigOptions.key("security.scan.retrieved-content")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Scan retrieved documents and tool output for indirect injection.");

    public static final ConfigOption<Integer> MAX_SCAN_CHARS =
            ConfigOptions.key("security.scan.max-chars")
                    .intType()
                    .defaultValue(32_768)
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
                    .defaultValue("")
                    .withDescription(
                            "Secret salt (at least 16 bytes) for the value hashes in evidence."
                                    + " Set it in production: unsalted hashes of small value"
                                    + " spaces (phone numbers, SSNs) can be reversed.");

    public static final ConfigOption<Duration> EPISODE_QUIET =
            ConfigOptions.key("security.episode.quiet-period")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "A finding episode (one type, one actor or application) resolves"
                                    + " after this long without another finding.");

    public static final ConfigOption<Integer> CAMPAIGN_ATTEMPTS =
            ConfigOptions.key("security.campaign.attempts")
                    .intType()
                    .defaultValue(5)
                    .withDescription("Attacks by one actor within security.campaign.window ...");

    public static final ConfigOption<Duration> CAMPAIGN_WINDOW =
            ConfigOptions.key("security.campaign.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "... that make an attack_campaign; it resolves after this long"
                                    + " without attacks.");

    public static final ConfigOption<Integer> ESCALATION_TURNS =
            ConfigOptions.key("security.escalation.turns")
                    .intType()
                    .defaultValue(3)
                    .withDescription(
                            "Consecutive turns of a session whose prompt scores must rise, ending"
                                    + " in an attack, for an attack_escalation ...");

    public static final ConfigOption<Double> ESCALATION_MIN_RISE =
            ConfigOptions.key("security.escalation.min-rise")
                    .doubleType()
                    .defaultValue(0.3)
                    .withDescription("... rising by at least this much in total.");

    public static final ConfigOption<Duration> RETRY_WINDOW =
            ConfigOptions.key("security.retry.window")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription(
                            "An attack this soon after a refusal in the same session is a"
                                    + " retry_after_refusal.");

    public static final ConfigOption<Duration> SESSION_IDLE =
            ConfigOptions.key("security.session.idle-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(30))
                    .withDescription(
                            "A session without turns this long is forgotten; its escalation and"
                                    + " retry episodes resolve.");

    public static final ConfigOption<Integer> MAX_SESSIONS =
            ConfigOptions.key("security.session.max-per-actor")
                    .intType()
                    .defaultValue(64)
                    .withDescription(
                            "Sessions remembered per actor (bounds state); the longest idle one is"
                                    + " dropped first.");
}
