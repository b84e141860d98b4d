package io.llmsentinel.jobs.security;

import static io.llmsentinel.jobs.config.JobConfig.require;

import io.llmsentinel.detectors.common.Redaction;
import io.llmsentinel.detectors.security.ScanSettings;
import io.llmsentinel.detectors.security.SecuritySettings;
import io.llmsentinel.jobs.config.JobSettings;
import io.llmsentinel.jobs.config.KafkaSettings;
import io.llmsentinel.jobs.config.StartingOffsets;
import io.llmsentinel.jobs.config.WatermarkSettings;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** The security job's validated, typed configuration; every error names the offending key. */
public record SecurityConfig(
        KafkaSettings kafka,
        WatermarkSettings watermarks,
        JobSettings job,
        StartingOffsets startingOffsets,
        ScanSettings scan,
        SecuritySettings rules)
        implements Serializable {

    public static SecurityConfig from(Configuration conf) {
        StartingOffsets offsets = conf.get(SecurityOptions.STARTING_OFFSETS);
        return new SecurityConfig(
                KafkaSettings.from(conf),
                WatermarkSettings.from(conf),
                JobSettings.from(conf),
                offsets,
                scan(conf),
                rules(conf));
    }

    static ScanSettings scan(Configuration conf) {
        double threshold = conf.get(SecurityOptions.INJECTION_THRESHOLD);
        require(
                threshold > 0 && threshold < 1,
                SecurityOptions.INJECTION_THRESHOLD,
                "must be between 0 and 1 (exclusive)");
        int maxChars = conf.get(SecurityOptions.MAX_SCAN_CHARS);
        require(
                maxChars >= 256 && maxChars <= 1 << 22,
                SecurityOptions.MAX_SCAN_CHARS,
                "must be 256 to 4194304");
        String salt = conf.get(SecurityOptions.REDACTION_SALT);
        require(
                salt.isEmpty()
                        || salt.getBytes(StandardCharsets.UTF_8).length >= Redaction.MIN_SALT_BYTES,
                SecurityOptions.REDACTION_SALT,
                "must be empty or at least " + Redaction.MIN_SALT_BYTES + " bytes");
        return new ScanSettings(
                threshold,
                conf.get(SecurityOptions.SCAN_PROMPTS),
                conf.get(SecurityOptions.SCAN_PROMPT_SECRETS),
                conf.get(SecurityOptions.SCAN_PROMPT_PII),
                conf.get(SecurityOptions.SCAN_RESPONSES),
                conf.get(SecurityOptions.SCAN_RETRIEVED),
                maxChars,
                strings(conf, SecurityOptions.CANARIES, 8),
                strings(conf, SecurityOptions.SYSTEM_PROMPT_FRAGMENTS, 24),
                salt,
                24);
    }

    static SecuritySettings rules(Configuration conf) {
        double critical = conf.get(SecurityOptions.CRITICAL_SCORE);
        require(critical > 0 && critical <= 1, SecurityOptions.CRITICAL_SCORE, "must be in (0, 1]");
        double rise = conf.get(SecurityOptions.ESCALATION_MIN_RISE);
        require(rise > 0 && rise < 1, SecurityOptions.ESCALATION_MIN_RISE, "must be in (0, 1)");
        return new SecuritySettings(
                positive(conf, SecurityOptions.EPISODE_QUIET),
                atLeast(conf, SecurityOptions.CAMPAIGN_ATTEMPTS, 2),
                positive(conf, SecurityOptions.CAMPAIGN_WINDOW),
                atLeast(conf, SecurityOptions.ESCALATION_TURNS, 2),
                rise,
                positive(conf, SecurityOptions.RETRY_WINDOW),
                positive(conf, SecurityOptions.SESSION_IDLE),
                atLeast(conf, SecurityOptions.MAX_SESSIONS, 1),
                critical);
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
            require(s.length() >= minChars, option, "entries need at least " + minChars + " chars");
            out.add(s);
        }
        return out;
    }

    private static long positive(Configuration conf, ConfigOption<Duration> option) {
        Duration d = conf.get(option);
        require(!d.isNegative() && !d.isZero(), option, "must be positive");
        return d.toMillis();
    }

    private static int atLeast(Configuration conf, ConfigOption<Integer> option, int min) {
        int v = conf.get(option);
        require(v >= min, option, "must be at least " + min);
        return v;
    }
}
