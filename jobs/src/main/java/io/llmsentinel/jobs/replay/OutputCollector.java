package io.llmsentinel.jobs.replay;

import io.llmsentinel.jobs.ingest.IngestJob;
import io.llmsentinel.schema.Codecs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.CloseableIterator;

/** Merges a bounded run's output streams into one tagged stream and gathers it by kind. */
public final class OutputCollector {
    private OutputCollector() {}

    public static DataStream<OutputRecord> tagged(IngestJob.Outputs ingest) {
        return tag(ingest.events(), OutputRecord.EVENT, "replay-tag-events")
                .union(tag(ingest.deadLetters(), OutputRecord.DEAD_LETTER, "replay-tag-dlq"));
    }

    public static <T> DataStream<OutputRecord> tag(DataStream<T> stream, String kind, String uid) {
        return stream.map(element -> new OutputRecord(kind, Codecs.toJsonString(element)))
                .returns(TypeInformation.of(OutputRecord.class))
                .uid(uid)
                .name("Encode " + kind);
    }

    /** Runs the job (bounded input) and returns JSON lines by kind, in arrival order. */
    public static Map<String, List<String>> collect(DataStream<OutputRecord> tagged)
            throws Exception {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        byKind.put(OutputRecord.EVENT, new ArrayList<>());
        byKind.put(OutputRecord.DEAD_LETTER, new ArrayList<>());
        byKind.put(OutputRecord.ANOMALY, new ArrayList<>());
        try (CloseableIterator<OutputRecord> it = tagged.executeAndCollect("llm-sentinel replay")) {
            while (it.hasNext()) {
                OutputRecord r = it.next();
                byKind.computeIfAbsent(r.kind, k -> new ArrayList<>()).add(r.json);
            }
        }
        return byKind;
    }
}
