package io.llmsentinel.jobs.config;

import static io.llmsentinel.detectors.latency.KeyDimension.MODEL;
import static io.llmsentinel.detectors.latency.KeyDimension.SERVICE;
import static io.llmsentinel.detectors.latency.KeyDimension.TEMPLATE;
import static io.llmsentinel.detectors.latency.KeyDimension.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.detectors.drift.ReferenceMode;
import io.llmsentinel.jobs.drift.DriftOptions;
import io.llmsentinel.jobs.latency.LatencyOptions;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceOptionsTest {

    static Configuration latency(String key, String value) {
        return JobConfig.fromMap(Map.of(key, value), LatencyOptions.class);
    }

    static Configuration drift(String key, String value) {
        return JobConfig.fromMap(Map.of(key, value), DriftOptions.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sliding", "SLIDING", " Sliding "})
    void theReferenceModeReadsAsBefore(String value) {
        assertThat(drift("drift.reference", value).get(DriftOptions.REFERENCE))
                .isEqualTo(ReferenceMode.SLIDING);
    }

    @Test
    void anUnknownReferenceModeNamesTheAllowedValues() {
        assertThatThrownBy(() -> drift("drift.reference", "frozen"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "bad value for 'drift.reference': 'frozen' (must be sliding or pinned)");
    }

    /** Flink's list forms, the comma lists people wrote before, and a mix of both. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "model,tenant",
                "model;tenant",
                "model, tenant",
                "[model, tenant]",
                "[model,tenant]",
                "MODEL,Tenant",
                "model,,tenant;",
                " model ; tenant "
            })
    void keyDimensionListsReadAsBefore(String value) {
        assertThat(latency("latency.key-dimensions", value).get(LatencyOptions.KEY_DIMENSIONS))
                .containsExactly(MODEL, TENANT);
        assertThat(drift("drift.key-dimensions", value).get(DriftOptions.KEY_DIMENSIONS))
                .containsExactly(MODEL, TENANT);
    }

    /** The spelling the committed savepoint fixtures pin. */
    @Test
    void theFixturesSpellingReads() {
        assertThat(
                        drift("drift.key-dimensions", "[service, model, template]")
                                .get(DriftOptions.KEY_DIMENSIONS))
                .containsExactly(SERVICE, MODEL, TEMPLATE);
    }

    @Test
    void anUnknownKeyDimensionIsNamedWithTheAllowedValues() {
        assertThatThrownBy(() -> latency("latency.key-dimensions", "provider,colour"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "bad value for 'latency.key-dimensions': 'provider,colour' ('colour' is"
                                + " not allowed; must be a list of provider, model, service,"
                                + " tenant, environment, operation or template)");
        assertThatThrownBy(() -> drift("drift.key-dimensions", "[colour, size]"))
                .hasMessageContaining("'drift.key-dimensions'")
                .hasMessageContaining("'colour', 'size' are not allowed");
    }

    /**
     * Every choice option of every job: the constants' toString() is a wire name (lower case,
     * dashes), Flink reads each one back as the same constant, and the default spelled by Flink
     * reads back as the default. A new enum option without a wire-name toString() fails here.
     */
    @Test
    void everyChoiceOptionsWireNamesRoundTripThroughFlink() {
        List<DeclaredOption> choices =
                ConfigurationDocs.allOptions().stream()
                        .filter(d -> d.choices().isPresent())
                        .toList();
        assertThat(choices)
                .extracting(DeclaredOption::key)
                .contains(
                        "ingest.starting-offsets",
                        "drift.reference",
                        "latency.key-dimensions",
                        "drift.key-dimensions");
        for (DeclaredOption d : choices) {
            for (Enum<?> constant : d.choices().orElseThrow().getEnumConstants()) {
                String wire = constant.toString();
                assertThat(wire).as(d.key()).matches("[a-z0-9]+(-[a-z0-9]+)*");
                Object read = Configuration.fromMap(Map.of(d.key(), wire)).get(d.option());
                assertThat(read).as(d.key()).isEqualTo(d.isList() ? List.of(constant) : constant);
            }
            assertRoundTrip(d.option());
        }
    }

    private static <T> void assertRoundTrip(ConfigOption<T> option) {
        String spelled = ConfigRules.spelling(option, option.defaultValue());
        Configuration reread =
                JobConfig.fromMap(Map.of(option.key(), spelled), ConfigurationDocs.allHolders());
        assertThat(reread.get(option)).as(option.key()).isEqualTo(option.defaultValue());
    }
}
