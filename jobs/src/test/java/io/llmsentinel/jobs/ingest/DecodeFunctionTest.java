package io.llmsentinel.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.DeadLetter;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.codec.ContentOptions;
import io.llmsentinel.schema.codec.ValidationLimits;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The decode operator in a harness: main output, dead-letter side output, payload limits. */
class DecodeFunctionTest {
    static final long NOW = System.currentTimeMillis();

    @Test
    void eventsGoToTheMainOutputAndRejectionsToTheSideOutput() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawRecord, LlmEvent> h =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new DecodeFunction(ValidationLimits.DEFAULTS, 8))) {
            h.processElement(
                    new StreamRecord<>(
                            IngestTestRecords.json(IngestTestRecords.validJson("a", NOW), 7, NOW)));
            h.processElement(
                    new StreamRecord<>(IngestTestRecords.json("{\"event_id\":1234567890", 8, NOW)));

            assertThat(h.extractOutputValues()).extracting(e -> e.eventId).containsExactly("a");
            assertThat(h.extractOutputValues().get(0).ingestTime).isNotNull();
            var deadLetters = h.getSideOutput(DecodeFunction.DEAD_LETTERS);
            assertThat(deadLetters).hasSize(1);
            DeadLetter d = deadLetters.peek().getValue();
            assertThat(d.reasonCode).isEqualTo("MALFORMED_JSON");
            assertThat(d.sourceOffset).isEqualTo(8L);
            assertThat(d.sourcePartition).isEqualTo(0);
            assertThat(d.sourceTimestamp).isEqualTo(NOW);
            // payload kept up to the configured 8 bytes, original size recorded
            assertThat(Base64.getDecoder().decode(d.payloadBase64))
                    .isEqualTo("{\"event_".getBytes(StandardCharsets.UTF_8));
            assertThat(d.payloadTruncated).isTrue();
            assertThat(d.payloadSizeBytes).isEqualTo(22);
            assertThat(h.getOperator()).isInstanceOf(ProcessOperator.class);
        }
    }

    @Test
    void eventTimeIsCheckedAgainstTheKafkaTimestampNotTheWallClock() throws Exception {
        long kafkaTime = 1_000_000_000_000L; // a replay of 2001 data
        try (OneInputStreamOperatorTestHarness<RawRecord, LlmEvent> h =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new DecodeFunction(ValidationLimits.DEFAULTS, 1024))) {
            h.processElement(
                    new StreamRecord<>(
                            IngestTestRecords.json(
                                    IngestTestRecords.validJson("old", kafkaTime - 1000),
                                    1,
                                    kafkaTime)));
            assertThat(h.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void systemPromptsAreKeptAsHashAndLengthUnlessCaptureIsOn() throws Exception {
        String json =
                IngestTestRecords.validJson("sys", NOW)
                        .replaceFirst(
                                "\\{", "{\"system_prompt_text\":\"You are the support bot.\",");
        for (boolean capture : new boolean[] {false, true}) {
            try (OneInputStreamOperatorTestHarness<RawRecord, LlmEvent> h =
                    ProcessFunctionTestHarnesses.forProcessFunction(
                            new DecodeFunction(
                                    ValidationLimits.DEFAULTS,
                                    new ContentOptions(capture),
                                    1024))) {
                h.processElement(new StreamRecord<>(IngestTestRecords.json(json, 1, NOW)));
                LlmEvent e = h.extractOutputValues().get(0);
                assertThat(e.systemPromptSha256).as("capture=" + capture).isNotNull();
                assertThat(e.systemPromptText)
                        .as("capture=" + capture)
                        .isEqualTo(capture ? "You are the support bot." : null);
            }
        }
    }
}
