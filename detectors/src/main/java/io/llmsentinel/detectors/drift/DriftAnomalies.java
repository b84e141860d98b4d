package io.llmsentinel.detectors.drift;

/** Detector name and anomaly types of the drift job. */
public final class DriftAnomalies {
    public static final String DETECTOR = "drift";

    public static final String NUMERIC_DRIFT = "numeric_drift";
    public static final String CATEGORICAL_DRIFT = "categorical_drift";

    /** A categorical drift of the response model in which a model new to the key took a share. */
    public static final String MODEL_SWAP = "model_swap";

    public static final String EMBEDDING_DRIFT = "embedding_drift";

    private DriftAnomalies() {}
}
