package io.llmsentinel.simulator.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ErrorClass;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.codec.DecodeResult;
import io.llmsentinel.schema.codec.JsonEventDecoder;
import io.llmsentinel.schema.codec.OtlpJsonDecoder;
import io.llmsentinel.schema.codec.OtlpProtoDecoder;
import io.llmsentinel.schema.codec.RecordDecoder;
import io.llmsentinel.schema.codec.ValidationLimits;
import io.llmsentinel.schema.normalize.ErrorClassifier;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.SimulatorConfig;
import io.llmsentinel.simulator.SimulatorRunner;
import io.llmsentinel.simulator.sink.InMemoryRecordSink;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ingest job's decoders (module schemas) turn every simulated record back into the event the
 * simulator generated, and reject every hostile record. Catches drift between the simulator's OTLP
 * mapping and the ingest side's.
 */
class IngestDecoderCompatibilityTest {
    private static final SimulatorRunner RUNNER =
            new SimulatorRunner(PricingTable.loadDefault(), Clock.systemUTC());
    private static final ValidationLimits LIMITS =
            ValidationLimits.DEFAULTS.withMaxEventAge(Duration.ZERO);

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void decodedEventsEqualTheGeneratedOnes(SourceFormat format) {
        SimulatorConfig.Builder b =
                SimulatorConfig.builder()
                        .seed(31)
                        .ratePerSecond(20)
                        .duration(Duration.ofMinutes(8))
                        .badRecordRate(0.03);
        Map<String, LlmEvent> generated = new HashMap<>();
        RUNNER.simulator(b.build())
                .forEachRemaining(e -> generated.put(e.event().eventId, e.event()));

        InMemoryRecordSink sink = new InMemoryRecordSink();
        RUNNER.run(b.format(format).build(), sink, null);
        RecordDecoder decoder =
                switch (format) {
                    case JSON -> new JsonEventDecoder(LIMITS);
                    case OTLP_PROTO -> new OtlpProtoDecoder(LIMITS);
                    case OTLP_JSON -> new OtlpJsonDecoder(LIMITS);
                };

        int decoded = 0;
        int hostileRejected = 0;
        int hostile = 0;
        for (EncodedRecord r : sink.records()) {
            DecodeResult result = decoder.decode(r.value(), r.timestampMs());
            if (r.hostile()) {
                hostile++;
                if (!result.rejections().isEmpty() && result.events().isEmpty()) {
                    hostileRejected++;
                } else {
                    System.out.println(
                            "NOT REJECTED "
                                    + r.hostileKind()
                                    + " "
                                    + result.events()
                                    + " skipped="
                                    + result.skippedSpans()
                                    + " "
                                    + result.rejections());
                }
                continue;
            }
            assertThat(result.rejections()).as("rejections of a valid record").isEmpty();
            assertThat(result.events()).hasSize(r.eventCount());
            for (LlmEvent e : result.events()) {
                LlmEvent original = generated.get(e.eventId);
                assertThat(original).as("decoded event %s was generated", e.eventId).isNotNull();
                assertSameCall(e, original);
                decoded++;
            }
        }
        assertThat(decoded).isEqualTo(generated.size());
        assertThat(hostileRejected).isEqualTo(hostile).isPositive();
    }

    /**
     * Equal but for what ingest adds (source format, ingest time and flags, and the error class it
     * derives from the error type).
     */
    private static void assertSameCall(LlmEvent decoded, LlmEvent original) {
        LlmEvent d = Codecs.fromJson(Codecs.toJsonBytes(decoded), LlmEvent.class);
        ErrorClass expectedClass =
                original.isError() ? ErrorClassifier.classify(original.errorType) : null;
        assertThat(d.errorClass)
                .as("error class of %s", original.errorType)
                .isEqualTo(expectedClass == null ? null : expectedClass.wireName());
        d.errorClass = null;
        d.sourceFormat = null;
        d.ingestTime = null;
        d.ingestFlags = null;
        if (d.timeToFirstChunkMs != null && original.timeToFirstChunkMs != null) {
            // OTLP carries seconds: allow the rounding of the unit conversion
            assertThat(d.timeToFirstChunkMs)
                    .isCloseTo(
                            original.timeToFirstChunkMs,
                            org.assertj.core.api.Assertions.within(1e-6));
            d.timeToFirstChunkMs = original.timeToFirstChunkMs;
        }
        assertThat(Codecs.toJsonString(d)).isEqualTo(Codecs.toJsonString(original));
    }
}
