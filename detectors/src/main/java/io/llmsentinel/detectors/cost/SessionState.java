package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.EpisodeState;
import java.util.ArrayList;
import java.util.List;

/** Per session: sliding counts, context growth, and the two episodes. A Flink POJO. */
public class SessionState {
    static final int MAX_SAMPLES = 5;

    public String tenantId;
    public String userId;
    public String sessionId;

    /** "session" or "conversation": which id keys this state (conversations without a session). */
    public String keyKind;

    public String serviceName;
    public String providerName;
    public String model;

    public long firstSeen = WindowedKeyState.NONE;
    public long lastSeen = WindowedKeyState.NONE;
    public long cleanupAt = WindowedKeyState.NONE;
    public long totalCalls;

    public SlidingCounts window = new SlidingCounts();
    public ContextGrowth growth = new ContextGrowth();

    public EpisodeState runaway = new EpisodeState();
    public String runawaySeverity;
    public EpisodeState bloat = new EpisodeState();
    public String bloatSeverity;

    /** Ids of the latest calls, oldest first. */
    public List<String> recentEventIds = new ArrayList<>();

    public SessionState() {}

    void remember(String eventId) {
        if (eventId == null) {
            return;
        }
        if (recentEventIds.size() >= MAX_SAMPLES) {
            recentEventIds.remove(0);
        }
        recentEventIds.add(eventId);
    }
}
