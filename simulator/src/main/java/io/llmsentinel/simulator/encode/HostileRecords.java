package io.llmsentinel.simulator.encode;

import io.llmsentinel.schema.LlmEvent;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Makes deliberately broken records of one format, derived from a real event, so that a local run
 * shows dead-letter traffic. Every record made here has {@link EncodedRecord#hostileKind()} set.
 */
interface HostileRecords {
    EncodedRecord create(LlmEvent basis, SplittableRandom rng);

    /**
     * Random bytes that are neither UTF-8 nor a line break (so line-framed files stay framed): 0xFF
     * never occurs in UTF-8.
     */
    static byte[] garbage(SplittableRandom rng) {
        byte[] b = new byte[16 + rng.nextInt(240)];
        for (int i = 0; i < b.length; i++) {
            int v;
            do {
                v = rng.nextInt(256);
            } while (v == '\n' || v == '\r');
            b[i] = (byte) v;
        }
        b[0] = (byte) 0xFF;
        return b;
    }

    /** A prefix of the bytes, at least one byte shorter. */
    static byte[] truncate(byte[] valid, SplittableRandom rng) {
        return Arrays.copyOf(valid, 1 + rng.nextInt(Math.max(1, valid.length - 2)));
    }
}
