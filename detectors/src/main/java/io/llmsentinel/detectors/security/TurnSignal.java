package io.llmsentinel.detectors.security;

import java.util.ArrayList;
import java.util.List;

/**
 * What the attack-behaviour rules need from one call with a prompt: who sent it, in which session,
 * how suspicious the prompt was and whether the model refused. Benign turns are sent too: an
 * escalation is a rise from harmless to hostile. A Flink POJO.
 */
public class TurnSignal {
    /** The actor (see {@link SecuritySubjects#actor}); the key of the behaviour operator. */
    public String actorKey;

    public String eventId;
    public long eventTime;
    public String tenantId;
    public String userId;
    public String sessionId;
    public String serviceName;

    /** Scanner score of the prompt, 0..1. */
    public double score;

    /** Whether the score reached the scanner's threshold. */
    public boolean attack;

    public String category;
    public List<String> ruleIds = new ArrayList<>();

    /** Whether the model's answer to this turn was a refusal. */
    public boolean refused;

    public TurnSignal() {}
}
