package io.llmsentinel.jobs.config;

import java.util.Locale;

/**
 * Where a job's Kafka source begins when the job starts without a savepoint; a restore always
 * continues from the positions in the savepoint.
 */
public enum StartingOffsets {
    /** The oldest records still in the topics. */
    EARLIEST,
    /** Only records written after the start. */
    LATEST,
    /** The consumer group's committed offsets; the earliest where it has none. */
    COMMITTED_OR_EARLIEST;

    /** {@code committed-or-earliest} for {@code COMMITTED_OR_EARLIEST}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The wire name, which is what Flink's enum options parse and write (see ChoiceOptions). */
    @Override
    public String toString() {
        return wireName();
    }
}
