package io.llmsentinel.simulator.traffic;

/**
 * Deterministic, collision-free ids for one run: every kind of id has its own counter and salt, and
 * the counter goes through {@link Ids#mix}, a bijection, so two ids of one kind never collide.
 */
public final class IdSource {
    private final long spanSalt;
    private final long traceSalt;
    private final long sessionSalt;
    private final long conversationSalt;
    private long spanSeq;
    private long traceSeq;
    private long sessionSeq;
    private long conversationSeq;

    public IdSource(long seed) {
        this.spanSalt = Ids.mix(seed ^ 0x5350414eL);
        this.traceSalt = Ids.mix(seed ^ 0x54524143L);
        this.sessionSalt = Ids.mix(seed ^ 0x53455353L);
        this.conversationSalt = Ids.mix(seed ^ 0x434f4e56L);
    }

    /** A non-zero 64-bit span id (zero is the invalid span id in OTLP). */
    public long nextSpanId() {
        long id;
        do {
            id = Ids.mix(spanSalt ^ ++spanSeq);
        } while (id == 0);
        return id;
    }

    /**
     * The high half of a new trace id; unique within the run, so the low half can be anything
     * non-zero.
     */
    public long nextTraceIdHigh() {
        long id;
        do {
            id = Ids.mix(traceSalt ^ ++traceSeq);
        } while (id == 0);
        return id;
    }

    public String nextSessionId() {
        return "sess_" + Ids.hex16(Ids.mix(sessionSalt ^ ++sessionSeq));
    }

    public String nextConversationId() {
        return "conv_" + Ids.hex16(Ids.mix(conversationSalt ^ ++conversationSeq));
    }
}
