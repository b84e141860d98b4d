package io.llmsentinel.detectors.drift;

import java.util.Locale;

/** What the current window is compared against. */
public enum ReferenceMode {
    /** The slices just before the current window (default: the previous hour). */
    SLIDING,
    /**
     * The first reference-length of data a key saw after the pin id last changed (for example right
     * after a deployment), kept in state, savepoints included, until the id changes again.
     */
    PINNED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire name: Flink's enum config options parse and write a value by its toString(). */
    @Override
    public String toString() {
        return wireName();
    }
}
