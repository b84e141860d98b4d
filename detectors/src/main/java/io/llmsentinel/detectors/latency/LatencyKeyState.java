package io.llmsentinel.detectors.latency;

import io.llmsentinel.detectors.common.EpisodeState;
import io.llmsentinel.schema.LlmEvent;
import java.util.List;

/**
 * Everything the latency detector keeps per key besides the minute slices: who the key is, when it
 * was active, the rolling baselines and the episode of each rule. Written once per minute and key
 * (at evaluation), not per event.
 *
 * <p>A Flink POJO (public fields, no-arg constructor, POJO-typed nested fields), so Flink's POJO
 * schema evolution applies: add or remove fields, never retype one.
 */
public class LatencyKeyState {
    // The subject: values of the configured key dimensions, null for the others.
    public String providerName;
    public String model;
    public String serviceName;
    public String tenantId;
    public String environment;
    public String operation;

    /** First minute (epoch ms) with traffic: windows before it are only partly covered. */
    public long firstMinute;

    /** Latest minute with traffic; the key expires when it is older than the idle timeout. */
    public long lastActiveMinute;

    /** Latest minute evaluated; a minute is evaluated once. */
    public long lastEvaluatedMinute = Long.MIN_VALUE;

    /** Baselines: natural logs of latency statistics in ms, so deviations are ratios. */
    public EwmaStat logP95 = new EwmaStat();

    public EwmaStat logP99 = new EwmaStat();
    public EwmaStat logTtftP95 = new EwmaStat();

    /** Baseline of ln(p99 / p50) per minute. */
    public EwmaStat logTailRatio = new EwmaStat();

    /** Calls and errors per minute while the error rule is quiet: p0 = errors / calls. */
    public EwmaStat errorRuleCalls = new EwmaStat();

    public EwmaStat errorRuleErrors = new EwmaStat();

    /** Calls per minute while the traffic rule is quiet. */
    public EwmaStat trafficCalls = new EwmaStat();

    public EpisodeState tailEpisode = new EpisodeState();
    public EpisodeState p95Episode = new EpisodeState();
    public EpisodeState p99Episode = new EpisodeState();
    public EpisodeState ttftEpisode = new EpisodeState();
    public EpisodeState errorEpisode = new EpisodeState();
    public EpisodeState trafficEpisode = new EpisodeState();

    public LatencyKeyState() {}

    /** A new key, named after the first event seen for it. */
    public static LatencyKeyState forEvent(LlmEvent e, List<KeyDimension> dims, long minute) {
        LatencyKeyState s = new LatencyKeyState();
        for (KeyDimension d : dims) {
            String v = d.value(e);
            switch (d) {
                case PROVIDER -> s.providerName = v;
                case MODEL -> s.model = v;
                case SERVICE -> s.serviceName = v;
                case TENANT -> s.tenantId = v;
                case ENVIRONMENT -> s.environment = v;
                case OPERATION -> s.operation = v;
            }
        }
        s.firstMinute = minute;
        s.lastActiveMinute = minute;
        return s;
    }

    /** The episode of {@code type} for this key. */
    public EpisodeState episode(LatencyAnomalyType type) {
        return switch (type) {
            case TAIL -> tailEpisode;
            case P95 -> p95Episode;
            case P99 -> p99Episode;
            case TTFT -> ttftEpisode;
            case ERROR_RATE -> errorEpisode;
            case TRAFFIC_DROP -> trafficEpisode;
        };
    }

    /** "openai/gpt-4o/code-assistant": the subject's values for summaries. */
    public String route() {
        StringBuilder sb = new StringBuilder();
        for (String part :
                new String[] {providerName, model, serviceName, tenantId, environment, operation}) {
            if (part != null) {
                sb.append(sb.length() == 0 ? "" : "/").append(part);
            }
        }
        return sb.length() == 0 ? "all calls" : sb.toString();
    }
}
