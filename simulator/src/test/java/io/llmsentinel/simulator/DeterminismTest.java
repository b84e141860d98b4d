package io.llmsentinel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.simulator.encode.EncodedRecord;
import io.llmsentinel.simulator.sink.RecordSink;
import io.llmsentinel.simulator.traffic.SimulatedEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeterminismTest {
    private static SimulatorConfig config(long seed, SourceFormat format) {
        // A short run with every incident in it, and hostile records on.
        return SimulatorConfig.builder()
                .seed(seed)
                .ratePerSecond(60)
                .duration(Duration.ofMinutes(6))
                .format(format)
                .badRecordRate(0.02)
                .build();
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void sameSeedGivesIdenticalBytes(SourceFormat format) {
        DigestingSink first = run(config(11, format));
        DigestingSink second = run(config(11, format));
        DigestingSink other = run(config(12, format));

        assertThat(first.bytes).isGreaterThan(1_000_000);
        assertThat(second.bytes).isEqualTo(first.bytes);
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(other.digest()).isNotEqualTo(first.digest());
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void hostileRecordsDoNotChangeTheValidEvents(SourceFormat format) {
        // The events are the same whatever the format and bad-record rate: encoders draw from
        // their own random streams.
        List<SimulatedEvent> plain = Runs.events(config(5, SourceFormat.JSON));
        List<SimulatedEvent> again = Runs.events(config(5, format));
        assertThat(again).hasSameSizeAs(plain);
        for (int i = 0; i < plain.size(); i += 97) {
            assertThat(again.get(i).event()).isEqualTo(plain.get(i).event());
        }
    }

    private static DigestingSink run(SimulatorConfig config) {
        DigestingSink sink = new DigestingSink();
        Runs.RUNNER.run(config, sink, null);
        return sink;
    }

    /** Hashes keys, values and timestamps of all records instead of keeping them. */
    private static final class DigestingSink implements RecordSink {
        private final MessageDigest sha;
        long bytes;

        DigestingSink() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(EncodedRecord r) {
            if (r.key() != null) {
                sha.update(r.key());
            }
            sha.update(r.value());
            sha.update(Long.toString(r.timestampMs()).getBytes(StandardCharsets.US_ASCII));
            bytes += r.value().length;
        }

        byte[] digest() {
            return sha.digest();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
