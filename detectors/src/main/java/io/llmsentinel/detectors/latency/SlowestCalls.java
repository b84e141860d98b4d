package io.llmsentinel.detectors.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ids of the few slowest calls of a slice, kept as evidence a person can look up. Bounded by
 * its capacity, so a busy minute costs no more state than a quiet one.
 */
public final class SlowestCalls {
    private final String[] ids;
    private final double[] values;
    private int size;

    public SlowestCalls(int capacity) {
        ids = new String[capacity];
        values = new double[capacity];
    }

    public void offer(String id, double value) {
        if (id == null || Double.isNaN(value)) {
            return;
        }
        int capacity = ids.length;
        if (size == capacity && (capacity == 0 || value <= values[size - 1])) {
            return;
        }
        // Insertion into a tiny array kept in descending order.
        int i = size < capacity ? size++ : capacity - 1;
        while (i > 0 && values[i - 1] < value) {
            ids[i] = ids[i - 1];
            values[i] = values[i - 1];
            i--;
        }
        ids[i] = id;
        values[i] = value;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** Ids, slowest first. */
    public List<String> ids() {
        return new ArrayList<>(Arrays.asList(ids).subList(0, size));
    }

    public SlowestCalls copy() {
        SlowestCalls c = new SlowestCalls(ids.length);
        System.arraycopy(ids, 0, c.ids, 0, size);
        System.arraycopy(values, 0, c.values, 0, size);
        c.size = size;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlowestCalls other
                && other.ids.length == ids.length
                && other.size == size
                && Arrays.equals(ids, 0, size, other.ids, 0, size)
                && Arrays.equals(values, 0, size, other.values, 0, size);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(Arrays.copyOf(ids, size));
    }
}
