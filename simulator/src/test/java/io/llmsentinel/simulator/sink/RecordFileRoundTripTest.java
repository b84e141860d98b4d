package io.llmsentinel.simulator.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.RunSummary;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.encode.EncodedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordFileRoundTripTest {
    private static final SimulatorRunner RUNNER =
            new SimulatorRunner(PricingTable.loadDefault(), Clock.systemUTC());

    private static SimulatorConfig config(SourceFormat format) {
        return SimulatorConfig.builder()
                .seed(21)
                .ratePerSecond(40)
                .duration(Duration.ofMinutes(3))
                .format(format)
                .badRecordRate(0.05)
                .build();
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void recordsComeBackByteForByte(SourceFormat format, @TempDir Path dir) {
        InMemoryRecordSink memory = new InMemoryRecordSink();
        RunSummary expected = RUNNER.run(config(format), memory, null);

        Path file = dir.resolve("traffic." + format.wireName());
        RunSummary written;
        try (FileRecordSink sink = new FileRecordSink(file, format)) {
            written = RUNNER.run(config(format), sink, null);
        }
        assertThat(written).isEqualTo(expected);

        List<byte[]> read = RecordFileReader.readAll(file, format);
        assertThat(read).hasSize(memory.records().size());
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).isEqualTo(memory.records().get(i).value());
        }
    }

    @Test
    void summaryCountsHostileRecordsAsTheSinkSeesThem() {
        InMemoryRecordSink memory = new InMemoryRecordSink();
        RunSummary s = RUNNER.run(config(SourceFormat.JSON), memory, null);
        long hostile = memory.records().stream().filter(EncodedRecord::hostile).count();
        assertThat(s.badRecords()).isEqualTo(hostile);
        assertThat(s.records()).isEqualTo(memory.records().size());
        assertThat(s.events()).isEqualTo(s.records() - s.badRecords());
        assertThat(hostile / (double) s.events()).isBetween(0.035, 0.065);
        assertThat(
                        memory.records().stream()
                                .filter(EncodedRecord::hostile)
                                .map(EncodedRecord::hostileKind)
                                .distinct())
                .contains(
                        "truncated_json",
                        "garbage_bytes",
                        "negative_tokens",
                        "wrong_type",
                        "missing_field");
    }

    @Test
    void noBadRecordsByDefault() {
        InMemoryRecordSink memory = new InMemoryRecordSink();
        SimulatorConfig c =
                SimulatorConfig.builder()
                        .ratePerSecond(40)
                        .duration(Duration.ofMinutes(2))
                        .format(SourceFormat.OTLP_JSON)
                        .build();
        RunSummary s = RUNNER.run(c, memory, null);
        assertThat(s.badRecords()).isZero();
        assertThat(memory.records()).noneMatch(EncodedRecord::hostile);
    }

    @Test
    void emptyFilesHaveNoRecordsAndCutOffFilesFailLoudly(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty"));
        assertThat(RecordFileReader.readAll(empty, SourceFormat.OTLP_PROTO)).isEmpty();
        assertThat(RecordFileReader.readAll(empty, SourceFormat.JSON)).isEmpty();

        Path lines = dir.resolve("lines");
        Files.write(lines, "{\"a\":1}\n\n{\"b\":2}".getBytes());
        assertThat(RecordFileReader.readAll(lines, SourceFormat.JSON))
                .extracting(String::new)
                .containsExactly("{\"a\":1}", "{\"b\":2}");

        Path cut = dir.resolve("cut");
        Files.write(cut, new byte[] {10, 1, 2, 3});
        assertThatThrownBy(() -> RecordFileReader.readAll(cut, SourceFormat.OTLP_PROTO))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cut");
    }

    @Test
    void delimitedFramingMatchesProtobufWriteDelimitedTo(@TempDir Path dir) throws IOException {
        var request =
                io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.newBuilder()
                        .addResourceSpans(
                                io.opentelemetry.proto.trace.v1.ResourceSpans.getDefaultInstance())
                        .build();
        Path file = dir.resolve("delimited");
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 3; i++) {
                request.writeDelimitedTo(out);
            }
        }
        List<byte[]> read = RecordFileReader.readAll(file, SourceFormat.OTLP_PROTO);
        assertThat(read)
                .hasSize(3)
                .allSatisfy(r -> assertThat(Arrays.equals(r, request.toByteArray())).isTrue());
    }
}
