package io.llmsentinel.jobs;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through, and fails its task once per attempt (as long as {@link InjectedFailures}
 * plans more) when a checkpoint has completed in this attempt and a record has passed since: the
 * failure then always lands between two checkpoints with output pending, the case exactly-once has
 * to get right (the restore rewinds the input, the pending transaction is aborted). Only subtask 0
 * fails, so the restarts are the same on every run.
 */
public final class FailAfterCheckpoint<T> extends RichMapFunction<T, T>
        implements CheckpointListener {
    private final String failuresId;
    private transient InjectedFailures failures;
    private transient boolean failing;
    private transient int attempt;
    private transient boolean checkpointCompleted;
    private transient long passedSinceCheckpoint;

    public FailAfterCheckpoint(InjectedFailures failures) {
        this.failuresId = failures.id();
    }

    @Override
    public void open(OpenContext openContext) {
        failures = InjectedFailures.byId(failuresId);
        failing = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
        attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        if (failing) {
            failures.started(attempt);
        }
    }

    @Override
    public T map(T value) {
        if (failing
                && checkpointCompleted
                && passedSinceCheckpoint > 0
                && failures.claim(attempt)) {
            throw new IllegalStateException(
                    "injected failure in attempt "
                            + attempt
                            + ", "
                            + passedSinceCheckpoint
                            + " records after the last completed checkpoint");
        }
        passedSinceCheckpoint++;
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointCompleted = true;
        passedSinceCheckpoint = 0;
    }
}
