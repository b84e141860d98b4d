package io.llmsentinel.jobs.security;

import io.llmsentinel.detectors.security.AttackBehaviourFunction;
import io.llmsentinel.detectors.security.FindingEpisodeFunction;
import io.llmsentinel.detectors.security.SecurityFinding;
import io.llmsentinel.detectors.security.SecurityScanFunction;
import io.llmsentinel.detectors.security.SecuritySubjects;
import io.llmsentinel.detectors.security.TurnSignal;
import io.llmsentinel.jobs.DetectorJob;
import io.llmsentinel.jobs.SentinelJob;
import io.llmsentinel.schema.Anomaly;
import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The security job: canonical events from {@code llm.events} are scanned once (prompt injection,
 * jailbreaks, indirect injection in retrieved content, PII, secrets and canaries in responses);
 * findings become episodes per type and subject, and the prompts of each actor feed the campaign,
 * escalation and retry-after-refusal rules. Anomalies, with redacted evidence only, go to {@code
 * llm.anomalies} exactly-once.
 *
 * <p>{@link #build} is the whole graph over a stream with event-time watermarks, so the Kafka job,
 * the tests and replay run the same operators.
 */
public final class SecurityJob {
    public static final String NAME = "security";

    /** Operator uids: savepoints map state by them. Never change them. */
    public static final String SCAN_UID = "security-scan";

    public static final String EPISODES_UID = "security-finding-episodes";
    public static final String BEHAVIOUR_UID = "security-attack-behaviour";

    /** The job as the launchers, replay and the benchmarks see it. */
    public static final SentinelJob<LlmEvent, SecurityConfig, DataStream<Anomaly>> JOB =
            DetectorJob.of(NAME, SecurityOptions.class, SecurityConfig::from, SecurityJob::build);

    private SecurityJob() {}

    public static DataStream<Anomaly> build(DataStream<LlmEvent> events, SecurityConfig config) {
        SingleOutputStreamOperator<SecurityFinding> findings =
                events.process(new SecurityScanFunction(config.scan()))
                        .returns(SecurityFinding.class)
                        .uid(SCAN_UID)
                        .name("Scan prompts, responses and retrieved content");
        DataStream<Anomaly> episodes =
                findings.keyBy(SecuritySubjects::episodeKey, Types.STRING)
                        .process(new FindingEpisodeFunction(config.rules()))
                        .returns(Anomaly.class)
                        .uid(EPISODES_UID)
                        .name("Finding episodes per type and actor/application");
        DataStream<Anomaly> behaviour =
                findings.getSideOutput(SecurityScanFunction.TURNS)
                        .keyBy((TurnSignal t) -> t.actorKey, Types.STRING)
                        .process(new AttackBehaviourFunction(config.rules()))
                        .returns(Anomaly.class)
                        .uid(BEHAVIOUR_UID)
                        .name("Campaigns, escalation and retries per actor");
        return episodes.union(behaviour);
    }
}
