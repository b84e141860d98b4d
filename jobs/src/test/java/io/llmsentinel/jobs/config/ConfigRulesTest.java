package io.llmsentinel.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {
    static final ConfigOption<Integer> COUNT =
            ConfigOptions.key("test.count").intType().defaultValue(3).withDescription("count");
    static final ConfigOption<Long> TOKENS =
            ConfigOptions.key("test.tokens").longType().defaultValue(5L).withDescription("tokens");
    static final ConfigOption<Double> SHARE =
            ConfigOptions.key("test.share").doubleType().defaultValue(0.5).withDescription("share");
    static final ConfigOption<Duration> SLICE =
            ConfigOptions.key("drift.slice")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription("slice");
    static final ConfigOption<MemorySize> SIZE =
            ConfigOptions.key("test.size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("1kb"))
                    .withDescription("size");
    static final ConfigOption<String> NAME =
            ConfigOptions.key("test.name").stringType().defaultValue("x").withDescription("name");
    static final ConfigOption<List<String>> ITEMS =
            ConfigOptions.key("test.items")
                    .stringType()
                    .asList()
                    .defaultValues("a")
                    .withDescription("items");

    static Configuration conf(String key, String value) {
        return Configuration.fromMap(Map.of(key, value));
    }

    @Test
    void anErrorNamesTheKeyTheValueAsWrittenAndTheRule() {
        assertThatThrownBy(
                        () -> ConfigRules.wholeSeconds(conf("drift.slice", "1500 ms"), SLICE, s(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "bad value for 'drift.slice': '1500 ms' (must be whole seconds, at least 1"
                                + " s)");
    }

    @Test
    void anUnsetValueIsShownAsTheDefault() {
        assertThatThrownBy(() -> ConfigRules.atLeast(new Configuration(), COUNT, 4))
                .hasMessage("bad value for 'test.count': '3' (must be at least 4)");
        assertThatThrownBy(() -> ConfigRules.durationAtLeast(new Configuration(), SLICE, s(600)))
                .hasMessage("bad value for 'drift.slice': '5 min' (must be at least 10 min)");
    }

    @Test
    void positiveIsMoreThanZeroForEveryNumberType() {
        assertThat(ConfigRules.positive(conf("test.count", "1"), COUNT)).isEqualTo(1);
        assertThat(ConfigRules.positive(conf("test.tokens", "1"), TOKENS)).isEqualTo(1L);
        assertThat(ConfigRules.positive(conf("test.share", "0.001"), SHARE)).isEqualTo(0.001);
        assertRejected(() -> ConfigRules.positive(conf("test.count", "0"), COUNT), "more than 0");
        assertRejected(
                () -> ConfigRules.positive(conf("test.tokens", "-1"), TOKENS), "more than 0");
        assertRejected(() -> ConfigRules.positive(conf("test.share", "0"), SHARE), "more than 0");
        assertRejected(
                () -> ConfigRules.positive(conf("test.share", "Infinity"), SHARE), "more than 0");
        assertRejected(() -> ConfigRules.positive(conf("test.share", "NaN"), SHARE), "more than 0");
    }

    @Test
    void nonNegativeIncludesZero() {
        assertThat(ConfigRules.nonNegative(conf("test.count", "0"), COUNT)).isZero();
        assertThat(ConfigRules.nonNegative(conf("test.share", "0"), SHARE)).isZero();
        assertRejected(
                () -> ConfigRules.nonNegative(conf("test.count", "-1"), COUNT),
                "must be 0 or more");
    }

    @Test
    void atLeastIncludesItsBoundAndPrintsItAsWritten() {
        assertThat(ConfigRules.atLeast(conf("test.share", "1"), SHARE, 1.0)).isEqualTo(1.0);
        assertThat(ConfigRules.atLeast(conf("test.tokens", "2"), TOKENS, 2L)).isEqualTo(2L);
        assertThatThrownBy(() -> ConfigRules.atLeast(conf("test.share", "0.5"), SHARE, 1.0))
                .hasMessage("bad value for 'test.share': '0.5' (must be at least 1)");
        assertThatThrownBy(
                        () ->
                                ConfigRules.atLeast(
                                        conf("test.tokens", String.valueOf(Long.MAX_VALUE - 1)),
                                        TOKENS,
                                        Long.MAX_VALUE))
                .hasMessageContaining("at least " + Long.MAX_VALUE);
    }

    @Test
    void rangesSayWhichEndsAreIncluded() {
        assertThat(ConfigRules.within(conf("test.share", "0.99"), SHARE, Range.open(0, 1)))
                .isEqualTo(0.99);
        assertThatThrownBy(
                        () -> ConfigRules.within(conf("test.share", "1"), SHARE, Range.open(0, 1)))
                .hasMessage(
                        "bad value for 'test.share': '1' (must be in (0, 1): between 0 and 1, both"
                                + " excluded)");
        assertThat(ConfigRules.within(conf("test.share", "1"), SHARE, Range.openClosed(0, 1)))
                .isEqualTo(1.0);
        assertRejected(
                () -> ConfigRules.within(conf("test.share", "0"), SHARE, Range.openClosed(0, 1)),
                "must be in (0, 1]: above 0 and at most 1");
        assertThat(ConfigRules.within(conf("test.share", "0"), SHARE, Range.closedOpen(0, 1)))
                .isZero();
        assertRejected(
                () -> ConfigRules.within(conf("test.share", "1"), SHARE, Range.closedOpen(0, 1)),
                "must be in [0, 1): at least 0 and below 1");
        assertThat(ConfigRules.within(conf("test.count", "4"), COUNT, Range.closed(4, 1000)))
                .isEqualTo(4);
        assertRejected(
                () -> ConfigRules.within(conf("test.count", "1001"), COUNT, Range.closed(4, 1000)),
                "must be in [4, 1000]: 4 to 1000");
        assertRejected(
                () -> ConfigRules.within(conf("test.share", "1e-7"), SHARE, Range.closed(0.001, 1)),
                "must be in [0.001, 1]");
    }

    @Test
    void durationRules() {
        assertThat(ConfigRules.positiveDuration(conf("drift.slice", "1 ms"), SLICE))
                .isEqualTo(Duration.ofMillis(1));
        assertRejected(
                () -> ConfigRules.positiveDuration(conf("drift.slice", "0 s"), SLICE),
                "must be more than 0");
        assertThat(ConfigRules.nonNegativeDuration(conf("drift.slice", "0 s"), SLICE)).isZero();
        assertRejected(
                () -> ConfigRules.nonNegativeDuration(negativeSlice(), SLICE), "must be 0 or more");
        assertThat(ConfigRules.durationAtLeast(conf("drift.slice", "1 s"), SLICE, s(1)))
                .isEqualTo(s(1));
        assertThat(
                        ConfigRules.durationWithin(
                                conf("drift.slice", "15 min"),
                                SLICE,
                                s(10),
                                Duration.ofMinutes(15)))
                .isEqualTo(Duration.ofMinutes(15));
        assertRejected(
                () ->
                        ConfigRules.durationWithin(
                                conf("drift.slice", "2 h"), SLICE, s(10), Duration.ofMinutes(15)),
                "must be between 10 s and 15 min");
        assertThat(ConfigRules.wholeSeconds(conf("drift.slice", "90 s"), SLICE, s(1)))
                .isEqualTo(s(90));
        assertRejected(
                () -> ConfigRules.wholeSeconds(conf("drift.slice", "0 s"), SLICE, s(1)),
                "whole seconds, at least 1 s");
    }

    @Test
    void wholeMinutesReturnsTheMinutes() {
        assertThat(ConfigRules.wholeMinutes(conf("drift.slice", "1 h"), SLICE, 1, 60))
                .isEqualTo(60);
        assertRejected(
                () -> ConfigRules.wholeMinutes(conf("drift.slice", "90 s"), SLICE, 1, 60),
                "must be whole minutes, 1 to 60 min");
        assertRejected(
                () -> ConfigRules.wholeMinutes(conf("drift.slice", "61 min"), SLICE, 1, 60),
                "must be whole minutes, 1 to 60 min");
    }

    @Test
    void sizesAndText() {
        assertThat(
                        ConfigRules.memoryWithin(
                                conf("test.size", "64 mb"),
                                SIZE,
                                new MemorySize(1),
                                MemorySize.parse("64 mb")))
                .isEqualTo(MemorySize.parse("64 mb"));
        assertRejected(
                () ->
                        ConfigRules.memoryWithin(
                                conf("test.size", "65 mb"),
                                SIZE,
                                new MemorySize(1),
                                MemorySize.parse("64 mb")),
                "must be between 1 bytes and 64 mb");
        assertThat(ConfigRules.nonBlank(conf("test.name", " a "), NAME)).isEqualTo("a");
        assertRejected(
                () -> ConfigRules.nonBlank(conf("test.name", " "), NAME), "must not be blank");
    }

    @Test
    void listsNeedAValueAndNoneTwice() {
        assertThat(ConfigRules.distinctNonEmpty(conf("test.items", "a;b"), ITEMS))
                .containsExactly("a", "b");
        assertRejected(
                () -> ConfigRules.distinctNonEmpty(conf("test.items", ""), ITEMS),
                "must list at least one value");
        assertRejected(
                () -> ConfigRules.distinctNonEmpty(conf("test.items", "a;b;a"), ITEMS),
                "must not list 'a' twice");
    }

    @Test
    void aCustomRuleUsesTheSameFormat() {
        assertThatThrownBy(
                        () ->
                                ConfigRules.check(
                                        conf("test.count", "2"),
                                        COUNT,
                                        c -> c % 2 == 1,
                                        "must be odd"))
                .hasMessage("bad value for 'test.count': '2' (must be odd)");
    }

    /** Flink's parser takes no negative durations, but code can set one. */
    static Configuration negativeSlice() {
        Configuration conf = new Configuration();
        conf.set(SLICE, Duration.ofSeconds(-1));
        return conf;
    }

    static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    static void assertRejected(Runnable read, String rule) {
        assertThatThrownBy(read::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad value for '")
                .hasMessageContaining(rule);
    }
}
