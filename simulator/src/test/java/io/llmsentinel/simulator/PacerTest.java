package io.llmsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sleeping pacer, without waiting: with the thread's interrupt flag set, {@code Thread.sleep}
 * throws at once, so whether the pacer sleeps shows without any time passing.
 */
class PacerTest {
    static final Clock AT_1000 = Clock.fixed(Instant.ofEpochMilli(1000), ZoneOffset.UTC);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void eventsThatAreDueOrLateGoOutWithoutSleeping() {
        Thread.currentThread().interrupt();
        assertThatCode(() -> Pacer.sleepingOn(AT_1000).awaitUntil(1000)).doesNotThrowAnyException();
        assertThatCode(() -> Pacer.sleepingOn(AT_1000).awaitUntil(400)).doesNotThrowAnyException();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void anEventAheadOfTheClockIsSleptForAndAnInterruptEndsTheSleep() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Pacer.sleepingOn(AT_1000).awaitUntil(61_000))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    void unpacedRunsNeverWait() {
        Thread.currentThread().interrupt();
        assertThatCode(() -> Pacer.none().awaitUntil(Long.MAX_VALUE)).doesNotThrowAnyException();
    }
}
