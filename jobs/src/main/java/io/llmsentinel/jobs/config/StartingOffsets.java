package io.llmsentinel.jobs.config;

/**
 * Where a job's Kafka source begins when the job starts without a savepoint; a restore always
 * continues from the positions in the savepoint.
 */
public enum StartingOffsets {
    /** The oldest records still in the topics. */
    EARLIEST("earliest"),
    /** Only records written after the start. */
    LATEST("latest"),
    /** The consumer group's committed offsets; the earliest where it has none. */
    COMMITTED_OR_EARLIEST("committed-or-earliest");

    private final String wireName;

    StartingOffsets(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The wire name, which is what Flink's enum options parse and write (see ChoiceOptions). */
    @Override
    public String toString() {
        return wireName;
    }
}
