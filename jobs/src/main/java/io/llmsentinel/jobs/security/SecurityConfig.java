package io.llmsentinel.jobs.security;

import static io.llmsentinel.jobs.config.ConfigRules.atLeast;
import static io.llmsentinel.jobs.config.ConfigRules.badValue;
import static io.llmsentinel.jobs.config.ConfigRules.checkSecret;
import static io.llmsentinel.jobs.config.ConfigRules.positive;
import static io.llmsentinel.jobs.config.ConfigRules.positiveDuration;
import static io.llmsentinel.jobs.config.ConfigRules.within;

import io.llmsentinel.detectors.common.Redaction;
import io.llmsentinel.detectors.security.ScanSettings;
import io.llmsentinel.detectors.security.SecuritySettings;
import io.llmsentinel.jobs.config.CommonConfig;
import io.llmsentinel.jobs.config.DetectorConfig;
import io.llmsentinel.jobs.config.Range;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The security job's validated, typed configuration; every error names the offending key. */
public record SecurityConfig(CommonConfig common, ScanSettings scan, SecuritySettings rules)
        implements DetectorConfig {

    public static SecurityConfig from(Configuration conf) {
        return new SecurityConfig(
                CommonConfig.from(conf, SecurityOptions.STARTING_OFFSETS), scan(conf), rules(conf));
    }

    static ScanSettings scan(Configuration conf) {
        return new ScanSettings(
                within(conf, SecurityOptions.INJECTION_THRESHOLD, Range.open(0, 1)),
                conf.get(SecurityOptions.SCAN_PROMPTS),
                conf.get(SecurityOptions.SCAN_PROMPT_SECRETS),
                conf.get(SecurityOptions.SCAN_PROMPT_PII),
                conf.get(SecurityOptions.SCAN_RESPONSES),
                conf.get(SecurityOptions.SCAN_RETRIEVED),
                within(conf, SecurityOptions.MAX_SCAN_CHARS, Range.closed(256, 1 << 22)),
                strings(conf, SecurityOptions.CANARIES, 8),
                strings(conf, SecurityOptions.SYSTEM_PROMPT_FRAGMENTS, 24),
                checkSecret(
                        conf,
                        SecurityOptions.REDACTION_SALT,
                        salt ->
                                salt.isEmpty()
                                        || salt.getBytes(StandardCharsets.UTF_8).length
                                                >= Redaction.MIN_SALT_BYTES,
                        "must be empty or at least " + Redaction.MIN_SALT_BYTES + " bytes"),
                ScanSettings.DEFAULTS.previewContext());
    }

    static SecuritySettings rules(Configuration conf) {
        return new SecuritySettings(
                positiveDuration(conf, SecurityOptions.EPISODE_QUIET).toMillis(),
                atLeast(conf, SecurityOptions.CAMPAIGN_ATTEMPTS, 2),
                positiveDuration(conf, SecurityOptions.CAMPAIGN_WINDOW).toMillis(),
                atLeast(conf, SecurityOptions.ESCALATION_TURNS, 2),
                within(conf, SecurityOptions.ESCALATION_MIN_RISE, Range.open(0, 1)),
                positiveDuration(conf, SecurityOptions.RETRY_WINDOW).toMillis(),
                positiveDuration(conf, SecurityOptions.SESSION_IDLE).toMillis(),
                positive(conf, SecurityOptions.MAX_SESSIONS),
                within(conf, SecurityOptions.CRITICAL_SCORE, Range.openClosed(0, 1)));
    }

    /** Short strings match anywhere in ordinary text: too short a canary is a false alarm. */
    private static List<String> strings(
            Configuration conf, ConfigOption<List<String>> option, int minChars) {
        List<String> out = new ArrayList<>();
        for (String item : conf.getOptional(option).orElse(List.of())) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.length() < minChars) {
                throw badValue(conf, option, "entries need at least " + minChars + " chars");
            }
            out.add(s);
        }
        return out;
    }
}
