package io.llmsentinel.jobs.ingest;

import io.llmsentinel.schema.DeadLetter;
import io.llmsentinel.schema.DlqReason;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import io.llmsentinel.schema.codec.ContentOptions;
import io.llmsentinel.schema.codec.DecodeResult;
import io.llmsentinel.schema.codec.JsonEventDecoder;
import io.llmsentinel.schema.codec.OtlpJsonDecoder;
import io.llmsentinel.schema.codec.OtlpProtoDecoder;
import io.llmsentinel.schema.codec.RecordDecoder;
import io.llmsentinel.schema.codec.Rejection;
import io.llmsentinel.schema.codec.SkipReason;
import io.llmsentinel.schema.codec.ValidationLimits;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes and validates raw records. Valid events go to the main output, every rejection to the
 * {@link #DEAD_LETTERS} side output with its reason. Nothing thrown by a decoder can escape: a
 * decoder bug on one record must not stop ingestion for everyone.
 */
public class DecodeFunction extends ProcessFunction<RawRecord, LlmEvent> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>(
                    "dead-letters",
                    org.apache.flink.api.common.typeinfo.TypeInformation.of(DeadLetter.class));

    private final ValidationLimits limits;
    private final ContentOptions content;
    private final int dlqMaxPayloadBytes;

    private transient Map<SourceFormat, RecordDecoder> decoders;
    private transient IngestMetrics metrics;

    public DecodeFunction(ValidationLimits limits, int dlqMaxPayloadBytes) {
        this(limits, ContentOptions.DEFAULTS, dlqMaxPayloadBytes);
    }

    public DecodeFunction(ValidationLimits limits, ContentOptions content, int dlqMaxPayloadBytes) {
        this.limits = limits;
        this.content = content;
        this.dlqMaxPayloadBytes = dlqMaxPayloadBytes;
    }

    @Override
    public void open(OpenContext openContext) {
        decoders = new EnumMap<>(SourceFormat.class);
        decoders.put(SourceFormat.JSON, new JsonEventDecoder(limits, content));
        decoders.put(SourceFormat.OTLP_PROTO, new OtlpProtoDecoder(limits, content));
        decoders.put(SourceFormat.OTLP_JSON, new OtlpJsonDecoder(limits, content));
        metrics = new IngestMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<LlmEvent> out) {
        metrics.recordsIn.inc();
        long now = ctx.timerService().currentProcessingTime();
        long referenceTime = record.timestamp >= 0 ? record.timestamp : now;
        SourceFormat format = SourceFormat.parse(record.format);
        DecodeResult result;
        try {
            result = decoders.get(format).decode(record.value, referenceTime);
        } catch (RuntimeException | StackOverflowError e) {
            result =
                    DecodeResult.rejected(
                            Rejection.of(
                                    reasonForCrash(format),
                                    null,
                                    "decoder failed: " + e.getClass().getSimpleName()));
        }
        for (LlmEvent event : result.events()) {
            event.ingestTime = now;
            if (event.ingestFlags != null) {
                metrics.truncated.inc();
            }
            metrics.eventsOut.inc();
            out.collect(event);
        }
        for (Rejection rejection : result.rejections()) {
            metrics.deadLetter(rejection.reason());
            ctx.output(DEAD_LETTERS, deadLetter(record, format, rejection, now));
        }
        metrics.skippedSpans(result.skippedSpansByReason());
        if (result.events().isEmpty() && result.rejections().isEmpty()) {
            metrics.recordsWithoutEvents.inc();
        }
    }

    private static DlqReason reasonForCrash(SourceFormat format) {
        return switch (format) {
            case JSON -> DlqReason.MALFORMED_JSON;
            case OTLP_JSON -> DlqReason.MALFORMED_OTLP_JSON;
            case OTLP_PROTO -> DlqReason.MALFORMED_PROTOBUF;
        };
    }

    private DeadLetter deadLetter(
            RawRecord record, SourceFormat format, Rejection rejection, long now) {
        DeadLetter d =
                DeadLetter.of(
                        rejection.reason(),
                        rejection.message(),
                        rejection.field(),
                        record.value,
                        dlqMaxPayloadBytes,
                        now);
        d.sourceFormat = format.wireName();
        d.sourceTopic = record.topic;
        d.sourcePartition = record.partition >= 0 ? record.partition : null;
        d.sourceOffset = record.offset >= 0 ? record.offset : null;
        d.sourceTimestamp = record.timestamp >= 0 ? record.timestamp : null;
        return d;
    }

    /** Counters by outcome and DLQ reason, visible in the web UI and Prometheus. */
    static final class IngestMetrics {
        final Counter recordsIn;
        final Counter eventsOut;
        final Counter deadLetters;
        final Counter skippedSpans;
        final Counter recordsWithoutEvents;
        final Counter truncated;
        private final Map<DlqReason, Counter> byReason = new EnumMap<>(DlqReason.class);
        private final Map<SkipReason, Counter> bySkipReason = new EnumMap<>(SkipReason.class);

        IngestMetrics(MetricGroup group) {
            MetricGroup g = group.addGroup("sentinel");
            recordsIn = g.counter("recordsIn");
            eventsOut = g.counter("eventsOut");
            deadLetters = g.counter("deadLetters");
            skippedSpans = g.counter("nonGenAiSpansSkipped");
            recordsWithoutEvents = g.counter("recordsWithoutGenAiSpans");
            truncated = g.counter("eventsWithTruncatedText");
            for (DlqReason reason : DlqReason.values()) {
                byReason.put(reason, g.addGroup("reason", reason.name()).counter("deadLetters"));
            }
            // one counter per reason: "not GenAI at all" reads differently from "chain spans"
            for (SkipReason reason : SkipReason.values()) {
                bySkipReason.put(
                        reason,
                        g.addGroup("skipReason", reason.wireName()).counter("spansSkipped"));
            }
        }

        void skippedSpans(Map<SkipReason, Integer> byReason) {
            byReason.forEach(
                    (reason, n) -> {
                        skippedSpans.inc(n);
                        bySkipReason.get(reason).inc(n);
                    });
        }

        void deadLetter(DlqReason reason) {
            deadLetters.inc();
            byReason.get(reason).inc();
        }
    }
}
