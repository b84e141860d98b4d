package io.llmsentinel.detectors.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectKeysTest {

    @Test
    void readableAndStable() {
        assertThat(SubjectKeys.of("checkout", "gpt-4o")).isEqualTo("8:checkout|6:gpt-4o");
        assertThat(SubjectKeys.of("checkout", null)).isEqualTo("8:checkout|-");
    }

    @Test
    void nullEmptyAndSeparatorsInValuesDoNotCollide() {
        List<String> keys =
                List.of(
                        SubjectKeys.of(null, null),
                        SubjectKeys.of("", null),
                        SubjectKeys.of(null, ""),
                        SubjectKeys.of("", ""),
                        SubjectKeys.of("-", null),
                        SubjectKeys.of("a|1:b", null),
                        SubjectKeys.of("a", "b"),
                        SubjectKeys.of("a|b"));
        assertThat(keys).doesNotHaveDuplicates();
    }
}
