package io.llmsentinel.detectors.common;

import io.llmsentinel.schema.Anomaly;

/** What one window evaluation did to an episode; only OPENED and RESOLVED emit a record. */
public enum EpisodeTransition {
    NONE,
    OPENED,
    RESOLVED;

    /** The anomaly status this transition is reported with. */
    public String status() {
        return switch (this) {
            case OPENED -> Anomaly.STATUS_OPEN;
            case RESOLVED -> Anomaly.STATUS_RESOLVED;
            case NONE -> throw new IllegalStateException("no anomaly for a window without change");
        };
    }
}
