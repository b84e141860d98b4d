package io.llmsentinel.jobs.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.JobEnvironment;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.jobs.ingest.IngestConfig;
import io.llmsentinel.jobs.ingest.IngestJob;
import io.llmsentinel.jobs.ingest.RawRecord;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.SourceFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Backtesting: runs the suite's graphs over a file as bounded input (the same operators as the
 * Kafka jobs: ingest, then every detector on its events) and writes canonical events, dead letters
 * and anomalies as JSONL into a directory. At the end of the input the watermark jumps to the end
 * of time, so the last windows are evaluated too.
 */
public final class ReplayRunner {
    private ReplayRunner() {}

    /**
     * Counts by output kind, in the order the files are written, and the event time the canonical
     * events span (first to last).
     */
    public record Summary(
            Map<String, Integer> counts, Map<String, Path> files, Duration eventSpan) {}

    /**
     * @param conf one configuration for every job (the union of their options); each job reads its
     *     own keys
     */
    public static Summary run(
            StreamExecutionEnvironment env,
            Path input,
            SourceFormat format,
            Path outputDir,
            Configuration conf)
            throws Exception {
        IngestConfig ingest = JobCatalog.INGEST.config(conf);
        JobEnvironment.applyBounded(env, ingest.job());
        FileSource<RawRecord> source =
                FileSource.forRecordStreamFormat(
                                new RecordFileFormat(format, input.getFileName().toString()),
                                new org.apache.flink.core.fs.Path(input.toUri()))
                        .build();
        DataStream<RawRecord> raw =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "Replay file")
                        .uid("replay-file-source")
                        .name("Replay " + input.getFileName() + " (" + format.wireName() + ")");
        IngestJob.Outputs ingested = JobCatalog.INGEST.graph(raw, ingest);
        // the detectors read the canonical events with the watermarks ingest assigned, as they
        // read llm.events on Kafka
        DataStream<OutputRecord> outputs = OutputCollector.tagged(ingested);
        for (SentinelJob<LlmEvent, ?, DataStream<Anomaly>> detector : JobCatalog.detectors()) {
            outputs =
                    outputs.union(
                            OutputCollector.tag(
                                    detector.graph(ingested.events(), conf),
                                    OutputRecord.ANOMALY,
                                    "replay-tag-" + detector.name()));
        }
        return write(OutputCollector.collect(outputs), outputDir);
    }

    /** From the earliest to the latest event time of the canonical events. */
    static Duration eventSpan(List<String> events) throws IOException {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String json : events == null ? List.<String>of() : events) {
            long t = eventTime(json);
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        return first > last ? Duration.ZERO : Duration.ofMillis(last - first);
    }

    /**
     * The event time of an encoded event, read up to that field only: the events were just encoded,
     * and decoding each one whole again would double the replay's JSON work.
     */
    private static long eventTime(String json) throws IOException {
        try (JsonParser p = Codecs.mapper().getFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("event_time".equals(field)) {
                    return p.getLongValue();
                }
                p.skipChildren();
            }
        }
        throw new IOException("an encoded event without event_time: " + json);
    }

    static Summary write(Map<String, List<String>> outputs, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : outputs.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".jsonl");
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line : e.getValue()) {
                    w.write(line);
                    w.write('\n');
                }
            }
            counts.put(e.getKey(), e.getValue().size());
            files.put(e.getKey(), file);
        }
        return new Summary(counts, files, eventSpan(outputs.get(OutputRecord.EVENT)));
    }
}
