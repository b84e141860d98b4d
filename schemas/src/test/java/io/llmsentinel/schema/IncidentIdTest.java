package io.llmsentinel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Incident ids are deterministic: replays of the same anomalies give the same incidents. */
class IncidentIdTest {
    private static final String EPISODE = "latency:p99_deviation:openai/gpt-4o/support-bot:1";

    @Test
    void theSamePatternSubjectAndFirstEpisodeGiveTheSameId() {
        assertThat(Incident.idFor("model_degradation", "openai/gpt-4o", EPISODE))
                .isEqualTo(Incident.idFor("model_degradation", "openai/gpt-4o", EPISODE))
                .matches("inc-[0-9a-f]{32}");
    }

    @Test
    void anyPartChangesTheId() {
        String id = Incident.idFor("model_degradation", "openai/gpt-4o", EPISODE);
        assertThat(Incident.idFor("provider_outage", "openai/gpt-4o", EPISODE)).isNotEqualTo(id);
        assertThat(Incident.idFor("model_degradation", "openai/gpt-4o-mini", EPISODE))
                .isNotEqualTo(id);
        assertThat(Incident.idFor("model_degradation", "openai/gpt-4o", EPISODE + "0"))
                .isNotEqualTo(id);
        // the parts stay apart: "a" + "b\nc" is not "a\nb" + "c"
        assertThat(Incident.idFor("p", "a", "b\nc")).isNotEqualTo(Incident.idFor("p", "a\nb", "c"));
    }
}
