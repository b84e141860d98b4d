package io.llmsentinel.simulator.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The scripted incidents; the wire name is what ground-truth files and timelines use. */
public enum IncidentType {
    /** One provider/model/service route gets x4-x8 slower, time to first chunk too. */
    LATENCY_DEGRADATION,
    /** One model's error rate jumps to about 30% on every service that uses it. */
    ERROR_BURST,
    /** One tenant's call rate and output tokens multiply; its spend rises about tenfold. */
    SPEND_RUNAWAY,
    /** One agent session calls the model every few seconds with ever-growing input. */
    AGENT_LOOP,
    /** One user sends instruction-override, jailbreak and prompt-extraction prompts. */
    PROMPT_INJECTION,
    /** Some responses of one service contain personal data (emails, cards, IBANs, SSNs). */
    PII_LEAK,
    /** Some responses of one service contain credentials (cloud keys, tokens, private keys). */
    SECRET_LEAK,
    /** One model's answers get 2-3x longer and often hit the max-token limit. */
    OUTPUT_LENGTH_SHIFT,
    /** On one service the answering model version changes while the requested model stays. */
    MODEL_SWAP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IncidentType parse(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (IncidentType t : values()) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown incident type '" + s + "'");
    }
}
