package io.llmsentinel.simulator.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    @Test
    void defaultTimelineCoversEveryTypeWithQuietGaps() {
        Duration run = Duration.ofMinutes(60);
        List<IncidentSpec> specs = Timeline.defaults().resolve(run);

        assertThat(specs)
                .extracting(IncidentSpec::type)
                .containsExactlyInAnyOrder(IncidentType.values());
        assertThat(specs.get(0).offset()).isGreaterThanOrEqualTo(Duration.ofMinutes(12));
        for (int i = 0; i < specs.size(); i++) {
            IncidentSpec s = specs.get(i);
            assertThat(s.duration()).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(5));
            assertThat(s.end()).isLessThanOrEqualTo(run);
            if (i > 0) {
                Duration gap = s.offset().minus(specs.get(i - 1).end());
                assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
            }
        }
    }

    @Test
    void defaultIncidentsAreCappedAtFiveMinutesInLongRuns() {
        List<IncidentSpec> specs = Timeline.defaults().resolve(Duration.ofHours(6));
        assertThat(specs)
                .allSatisfy(s -> assertThat(s.duration()).isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void parsesExplicitTimelines() {
        Timeline t = Timeline.parse("agent_loop@1h2m+90s, latency-degradation@10m+PT4M");
        assertThat(t.resolve(Duration.ofHours(2)))
                .containsExactly(
                        new IncidentSpec(
                                IncidentType.LATENCY_DEGRADATION,
                                Duration.ofMinutes(10),
                                Duration.ofMinutes(4)),
                        new IncidentSpec(
                                IncidentType.AGENT_LOOP,
                                Duration.ofMinutes(62),
                                Duration.ofSeconds(90)));
        assertThat(Timeline.parse(t.toString()).resolve(Duration.ofHours(2)))
                .isEqualTo(t.resolve(Duration.ofHours(2)));
        assertThat(Timeline.parse("none").resolve(Duration.ofHours(1))).isEmpty();
        assertThat(Timeline.parse("default").isDefault()).isTrue();
    }

    @Test
    void rejectsMalformedTimelines() {
        assertThatThrownBy(() -> Timeline.parse("latency_degradation"))
                .hasMessageContaining("type@offset+duration");
        assertThatThrownBy(() -> Timeline.parse("meteor_strike@1m+1m"))
                .hasMessageContaining("meteor_strike");
        assertThatThrownBy(() -> Timeline.parse("error_burst@5x+1m")).hasMessageContaining("5x");
        assertThatThrownBy(() -> Timeline.parse("error_burst@5m+0s"))
                .hasMessageContaining("duration");
    }

    @Test
    void incidentJsonUsesSnakeCaseAndOmitsUnusedSubjects() throws Exception {
        Incident i =
                Incident.of(IncidentType.SPEND_RUNAWAY, 1000, 2000, "tenant x runs away")
                        .withTenant("contoso");
        String json = io.llmsentinel.schema.Codecs.toJsonString(i);
        assertThat(json)
                .isEqualTo(
                        "{\"incident_type\":\"spend_runaway\",\"tenant_id\":\"contoso\","
                                + "\"start_ms\":1000,\"end_ms\":2000,"
                                + "\"description\":\"tenant x runs away\"}");
        assertThat(io.llmsentinel.schema.Codecs.fromJson(json, Incident.class)).isEqualTo(i);
        assertThat(EnumSet.allOf(IncidentType.class)).hasSize(9);
    }
}
