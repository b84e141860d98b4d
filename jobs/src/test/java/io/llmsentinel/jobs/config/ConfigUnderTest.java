package io.llmsentinel.jobs.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import org.apache.flink.configuration.Configuration;

/**
 * A job's typed configuration as the tests load it: from flat values, through {@link JobConfig} as
 * a file would be, then the job's {@code from}.
 *
 * @param options the job's option holder
 * @param from the job's {@code XConfig::from}
 */
public record ConfigUnderTest<C>(Class<?> options, Function<Configuration, C> from) {

    public C load(Map<String, String> values) {
        return from.apply(JobConfig.fromMap(values, options));
    }

    /** Loading {@code key: value} fails naming the key and stating {@code rule}. */
    public void assertRejected(String key, String value, String rule) {
        assertThatThrownBy(() -> load(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(rule);
    }

    /** Loading {@code key: value} fails as a bad value: key, value as written, then the rule. */
    public void assertBadValue(String key, String value, String rule) {
        assertThatThrownBy(() -> load(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad value for '" + key + "': '" + value + "' (")
                .hasMessageContaining(rule);
    }
}
