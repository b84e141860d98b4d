package io.llmsentinel.jobs;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one test's {@link FailAfterCheckpoint} operators did, across the job's restarts: how many
 * failures they injected and which task attempts ran. The MiniCluster runs in the test's JVM, so
 * operators find it by id in a static registry; nothing leaks between tests, as each registers its
 * own and closes it.
 */
public final class InjectedFailures implements AutoCloseable {
    private static final Map<String, InjectedFailures> REGISTRY = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final int planned;
    private final Set<Integer> attempts = new TreeSet<>();
    private final Set<Integer> failedAttempts = new TreeSet<>();

    private InjectedFailures(int planned) {
        this.planned = planned;
    }

    /** Registers a new record for a test that wants {@code planned} failures, one per attempt. */
    public static InjectedFailures plan(int planned) {
        InjectedFailures failures = new InjectedFailures(planned);
        REGISTRY.put(failures.id, failures);
        return failures;
    }

    static InjectedFailures byId(String id) {
        InjectedFailures failures = REGISTRY.get(id);
        if (failures == null) {
            throw new IllegalStateException("No InjectedFailures registered as " + id);
        }
        return failures;
    }

    String id() {
        return id;
    }

    synchronized void started(int attempt) {
        attempts.add(attempt);
    }

    /** Whether to fail now: while failures are planned, once per task attempt. */
    synchronized boolean claim(int attempt) {
        if (failedAttempts.size() < planned && !failedAttempts.contains(attempt)) {
            failedAttempts.add(attempt);
            return true;
        }
        return false;
    }

    /** How many failures were injected. */
    public synchronized int injected() {
        return failedAttempts.size();
    }

    /** The attempt numbers the failing task ran with: 0, and one more per restart. */
    public synchronized Set<Integer> attempts() {
        return new TreeSet<>(attempts);
    }

    @Override
    public void close() {
        REGISTRY.remove(id);
    }
}
