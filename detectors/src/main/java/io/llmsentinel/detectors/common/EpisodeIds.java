package io.llmsentinel.detectors.common;

/**
 * Deterministic episode ids: the same detector, anomaly type, subject and opening window always
 * give the same id, so a replay of the same input emits records with identical ids and downstream
 * consumers can de-duplicate on them.
 */
public final class EpisodeIds {
    static final int HASH_HEX_CHARS = 32;

    private EpisodeIds() {}

    /**
     * Returns {@code <detector>-<32 hex chars>}: readable in logs, and at most 97 characters for a
     * detector name of up to 64, so {@code anomaly_id = episode_id + ":resolved"} stays within the
     * schema's 128.
     */
    public static String of(String detector, String anomalyType, String subjectKey, long openedAt) {
        // Length-prefixed fields: ("a:b", "c") and ("a", "b:c") must not collide.
        StringBuilder canonical = new StringBuilder(64);
        field(canonical, detector);
        field(canonical, anomalyType);
        field(canonical, subjectKey);
        field(canonical, Long.toString(openedAt));
        return detector
                + "-"
                + Digests.hexPrefix(Digests.sha256(), canonical.toString(), HASH_HEX_CHARS);
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-;");
        } else {
            out.append(value.length()).append(':').append(value).append(';');
        }
    }
}
