package io.llmsentinel.detectors.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per actor: the times of its latest attacks (at most the campaign threshold) and the open
 * campaign, if any. Sessions live in their own map state. A Flink POJO.
 */
public class ActorState {
    static final long NONE = Long.MIN_VALUE;
    static final int MAX_SAMPLES = 20;
    static final int MAX_RULES = 32;

    public String tenantId;
    public String userId;
    public String serviceName;

    /**
     * Event times of the latest attacks, at most {@code campaignAttempts}, in the order they were
     * applied: oldest first, but a late attack is last (see {@link CampaignRule}).
     */
    public List<Long> recentAttacks = new ArrayList<>();

    public long lastAttackAt = NONE;
    public long lastTurnAt = NONE;
    public int sessions;

    public String campaignEpisodeId;
    public long campaignOpenedAt;
    public long campaignAttacks;
    public double campaignMaxScore;
    public Map<String, Long> campaignCategories = new HashMap<>();
    public List<String> campaignRuleIds = new ArrayList<>();
    public List<String> campaignSessions = new ArrayList<>();
    public List<String> campaignSamples = new ArrayList<>();

    /** Open attack_escalation episode, or null. */
    public ActorEpisode escalation;

    /** Open retry_after_refusal episode, or null. */
    public ActorEpisode retry;

    /** The pending check timer (campaign end, session expiry), or NONE. */
    public long checkAt = NONE;

    public ActorState() {}

    boolean campaignOpen() {
        return campaignEpisodeId != null;
    }

    void absorbIntoCampaign(TurnSignal t) {
        campaignAttacks++;
        campaignMaxScore = Math.max(campaignMaxScore, t.score);
        if (t.category != null) {
            campaignCategories.merge(t.category, 1L, Long::sum);
        }
        for (String rule : t.ruleIds) {
            if (campaignRuleIds.size() < MAX_RULES && !campaignRuleIds.contains(rule)) {
                campaignRuleIds.add(rule);
            }
        }
        if (t.sessionId != null
                && campaignSessions.size() < MAX_SAMPLES
                && !campaignSessions.contains(t.sessionId)) {
            campaignSessions.add(t.sessionId);
        }
        if (t.eventId != null && campaignSamples.size() < MAX_SAMPLES) {
            campaignSamples.add(t.eventId);
        }
    }

    void closeCampaign() {
        campaignEpisodeId = null;
        campaignOpenedAt = 0;
        campaignAttacks = 0;
        campaignMaxScore = 0;
        campaignCategories = new HashMap<>();
        campaignRuleIds = new ArrayList<>();
        campaignSessions = new ArrayList<>();
        campaignSamples = new ArrayList<>();
    }
}
