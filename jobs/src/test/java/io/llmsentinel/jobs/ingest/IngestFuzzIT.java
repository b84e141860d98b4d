package io.llmsentinel.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.TestClusters;
import io.llmsentinel.jobs.replay.OutputRecord;
import io.llmsentinel.schema.Codecs;
import io.llmsentinel.schema.ContractSchemas;
import io.llmsentinel.schema.DeadLetter;
import io.llmsentinel.schema.DlqReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of hostile records through the real ingest graph (no restarts allowed): the job must
 * not fail, every JSON record must come out exactly once as an event or a dead letter, and
 * everything that comes out must satisfy the contract.
 */
class IngestFuzzIT {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    static final int JSON_RECORDS = 1500;
    static final int PROTO_RECORDS = 600;
    static final int OTLP_JSON_RECORDS = 400;

    @Test
    @Timeout(240)
    void hostileInputNeverFailsTheJobAndIsFullyAccountedFor() throws Exception {
        long now = System.currentTimeMillis();
        HostileRecords gen = new HostileRecords(20261127L, now);
        List<RawRecord> json = gen.json(JSON_RECORDS);
        List<RawRecord> proto = gen.otlpProto(PROTO_RECORDS);
        List<RawRecord> otlpJson = gen.otlpJson(OTLP_JSON_RECORDS);
        List<RawRecord> all = new ArrayList<>(json);
        all.addAll(proto);
        all.addAll(otlpJson);

        Map<String, List<String>> out = IngestGraphIT.run(all);

        List<DeadLetter> dlq =
                out.get(OutputRecord.DEAD_LETTER).stream()
                        .map(j -> Codecs.fromJson(j, DeadLetter.class))
                        .toList();
        List<String> events = out.get(OutputRecord.EVENT);

        long jsonEvents =
                events.stream().filter(e -> e.contains("\"source_format\":\"json\"")).count();
        long jsonDlq = dlq.stream().filter(d -> "json".equals(d.sourceFormat)).count();
        assertThat(jsonEvents + jsonDlq).as("JSON input = valid + DLQ").isEqualTo(JSON_RECORDS);
        assertThat(jsonDlq).isGreaterThan(JSON_RECORDS / 2);
        assertThat(jsonEvents).isGreaterThan(50);

        Set<String> dlqKeys =
                dlq.stream()
                        .filter(d -> "json".equals(d.sourceFormat))
                        .map(d -> d.sourceTopic + "@" + d.sourceOffset)
                        .collect(Collectors.toSet());
        assertThat(dlqKeys).hasSize((int) jsonDlq);

        assertThat(events)
                .allSatisfy(
                        e ->
                                assertThat(ContractSchemas.errors(ContractSchemas.LLM_EVENT, e))
                                        .isEmpty());
        assertThat(out.get(OutputRecord.DEAD_LETTER))
                .allSatisfy(
                        d ->
                                assertThat(ContractSchemas.errors(ContractSchemas.DEAD_LETTER, d))
                                        .isEmpty());
        assertThat(dlq.stream().filter(d -> "otlp_proto".equals(d.sourceFormat)))
                .extracting(d -> d.reasonCode)
                .contains(DlqReason.MALFORMED_PROTOBUF.name());

        Map<String, Long> byReason =
                dlq.stream()
                        .collect(
                                Collectors.groupingBy(
                                        d -> d.sourceFormat + "/" + d.reasonCode,
                                        TreeMap::new,
                                        Collectors.counting()));
        System.out.printf(
                "fuzz: %d records in (%d json, %d otlp_proto, %d otlp_json) -> %d events, %d dead"
                        + " letters %s%n",
                all.size(),
                json.size(),
                proto.size(),
                otlpJson.size(),
                events.size(),
                dlq.size(),
                byReason);
    }
}
