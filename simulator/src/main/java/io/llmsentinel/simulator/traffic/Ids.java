package io.llmsentinel.simulator.traffic;

import java.util.SplittableRandom;

/**
 * Identifier formatting. Span and trace ids come from a counter passed through a bijective mixing
 * function, so they look random but can never collide within a run (and differ between seeds).
 */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {}

    /** SplitMix64's finaliser: a bijection on 64-bit values with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The low {@code digits} hex digits of v, lower case. */
    public static String hex(long v, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(out);
    }

    public static String hex16(long v) {
        return hex(v, 16);
    }

    public static String hex32(long hi, long lo) {
        char[] out = new char[32];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (hi & 0xF)];
            hi >>>= 4;
            out[i + 16] = HEX[(int) (lo & 0xF)];
            lo >>>= 4;
        }
        return new String(out);
    }

    /** Random alphanumeric characters, as in provider response ids. */
    public static void appendBase62(StringBuilder sb, SplittableRandom rng, int count) {
        for (int i = 0; i < count; i++) {
            sb.append(BASE62[rng.nextInt(62)]);
        }
    }

    public static String base62(SplittableRandom rng, int count) {
        StringBuilder sb = new StringBuilder(count);
        appendBase62(sb, rng, count);
        return sb.toString();
    }
}
