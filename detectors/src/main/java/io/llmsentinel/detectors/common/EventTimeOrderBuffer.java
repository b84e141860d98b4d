package io.llmsentinel.detectors.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.streaming.api.TimerService;

/**
 * Holds a keyed function's inputs until the watermark passes their event time, then hands them back
 * in event-time order (ties in a fixed order). Rules that depend on call order (sessions, attack
 * sequences) need it: partitions interleave differently on every run, so acting in arrival order
 * would make replays of the same input disagree.
 *
 * <p>One event-time timer per distinct timestamp; the owning function calls {@link #take} from
 * {@code onTimer} with the timer's timestamp. Inputs already behind the watermark are not buffered:
 * {@link #offer} returns false and the caller applies (and counts) them at once.
 */
public final class EventTimeOrderBuffer<T> {
    private final MapState<Long, List<T>> pending;
    private final Comparator<T> tieOrder;

    public EventTimeOrderBuffer(MapState<Long, List<T>> pending, Comparator<T> tieOrder) {
        this.pending = pending;
        this.tieOrder = tieOrder;
    }

    /** Buffers {@code item} for {@code eventTime}; false when it is already late. */
    public boolean offer(T item, long eventTime, TimerService timers) throws Exception {
        if (eventTime <= timers.currentWatermark()) {
            return false;
        }
        List<T> items = pending.get(eventTime);
        if (items == null) {
            items = new ArrayList<>(1);
            timers.registerEventTimeTimer(eventTime);
        }
        items.add(item);
        pending.put(eventTime, items);
        return true;
    }

    /** The items buffered for exactly {@code timestamp}, sorted, and forgets them. */
    public List<T> take(long timestamp) throws Exception {
        List<T> items = pending.get(timestamp);
        if (items == null) {
            return List.of();
        }
        pending.remove(timestamp);
        items.sort(tieOrder);
        return items;
    }

    public boolean isEmpty() throws Exception {
        return pending.isEmpty();
    }
}
