package io.llmsentinel.detectors.security.eval;

/** The dataset file is not a JSONL file of one of the supported kinds. */
public final class DatasetFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
