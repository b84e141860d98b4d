package io.llmsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.incident.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {
    @Test
    void defaultsAreValid() {
        SimulatorConfig c = SimulatorConfig.builder().build();
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.format()).isEqualTo(SourceFormat.JSON);
        assertThat(c.timeline().isDefault()).isTrue();
        assertThat(c.startMs(Clock.systemUTC()))
                .isEqualTo(SimulatorConfig.DEFAULT_START_TIME.toEpochMilli());
    }

    @Test
    void errorsNameTheOffendingField() {
        assertThatThrownBy(() -> SimulatorConfig.builder().ratePerSecond(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ratePerSecond:");
        assertThatThrownBy(() -> SimulatorConfig.builder().ratePerSecond(Double.NaN).build())
                .hasMessageStartingWith("ratePerSecond:");
        assertThatThrownBy(() -> SimulatorConfig.builder().duration(Duration.ZERO).build())
                .hasMessageStartingWith("duration:");
        assertThatThrownBy(() -> SimulatorConfig.builder().badRecordRate(1.5).build())
                .hasMessageStartingWith("badRecordRate:");
        assertThatThrownBy(() -> SimulatorConfig.builder().format(null).build())
                .hasMessageStartingWith("format:");
        assertThatThrownBy(() -> SimulatorConfig.builder().timeline(null).build())
                .hasMessageStartingWith("timeline:");
        assertThatThrownBy(
                        () ->
                                SimulatorConfig.builder()
                                        .paced(true)
                                        .startTime(Instant.EPOCH)
                                        .build())
                .hasMessageStartingWith("startTime:");
    }

    @Test
    void incidentsMustEndWithinTheRun() {
        assertThatThrownBy(
                        () ->
                                SimulatorConfig.builder()
                                        .duration(Duration.ofMinutes(10))
                                        .timeline(Timeline.parse("error_burst@8m+3m"))
                                        .build())
                .hasMessageStartingWith("timeline:")
                .hasMessageContaining("error_burst");
    }

    @Test
    void pacedRunsStartAtTheWallClock() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        SimulatorConfig c = SimulatorConfig.builder().paced(true).build();
        assertThat(c.startMs(Clock.fixed(now, ZoneOffset.UTC))).isEqualTo(now.toEpochMilli());
    }
}
