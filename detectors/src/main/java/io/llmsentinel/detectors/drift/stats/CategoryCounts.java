package io.llmsentinel.detectors.drift.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Bounded, mergeable counts of a categorical value (model, finish reason, error type, tool...).
 *
 * <p>At most {@code 2 * maxCategories} categories are tracked; when that is exceeded the least
 * frequent are folded into {@link #OTHER} until {@code maxCategories} remain. The slack lets a
 * newly appearing category accumulate counts before the next fold instead of being pushed straight
 * into {@code __other__}. Totals stay exact; a tracked count is a lower bound of the category's
 * true count (earlier occurrences may sit in {@code __other__}). Folding order is deterministic
 * (smallest count first, then the lexicographically larger name), so merging is commutative.
 * Category names are cut to {@link #MAX_NAME_LENGTH} characters to bound the state.
 *
 * <p>A Flink POJO: public fields, a no-arg constructor, {@code String[]} and {@code long[]} kept
 * sorted by name and exactly as long as the number of tracked categories.
 */
public class CategoryCounts {
    /** Name of the folded tail of infrequent categories. */
    public static final String OTHER = "__other__";

    /** Name recorded for a {@code null} category. */
    public static final String MISSING = "__missing__";

    public static final int DEFAULT_MAX_CATEGORIES = 64;
    public static final int MAX_NAME_LENGTH = 128;

    public int maxCategories = DEFAULT_MAX_CATEGORIES;

    /** Tracked categories, ascending. */
    public String[] categories = new String[0];

    /** Count per tracked category, aligned with {@link #categories}. */
    public long[] counts = new long[0];

    /** Values folded into {@link #OTHER}. */
    public long otherCount;

    /** All values recorded. */
    public long total;

    public CategoryCounts() {}

    public CategoryCounts(int maxCategories) {
        if (maxCategories < 1) {
            throw new IllegalArgumentException("at least one category must be tracked");
        }
        this.maxCategories = maxCategories;
    }

    public void add(String category) {
        add(category, 1);
    }

    public void add(String category, long times) {
        if (times <= 0) {
            return;
        }
        String name = normalise(category);
        total += times;
        if (OTHER.equals(name)) {
            otherCount += times;
            return;
        }
        int at = Arrays.binarySearch(categories, name);
        if (at >= 0) {
            counts[at] += times;
            return;
        }
        int insert = -at - 1;
        String[] names = new String[categories.length + 1];
        long[] values = new long[counts.length + 1];
        System.arraycopy(categories, 0, names, 0, insert);
        System.arraycopy(counts, 0, values, 0, insert);
        names[insert] = name;
        values[insert] = times;
        System.arraycopy(categories, insert, names, insert + 1, categories.length - insert);
        System.arraycopy(counts, insert, values, insert + 1, counts.length - insert);
        categories = names;
        counts = values;
        foldIfOverCapacity();
    }

    public void merge(CategoryCounts other) {
        TreeMap<String, Long> union = new TreeMap<>();
        for (int i = 0; i < categories.length; i++) {
            union.merge(categories[i], counts[i], Long::sum);
        }
        for (int i = 0; i < other.categories.length; i++) {
            union.merge(other.categories[i], other.counts[i], Long::sum);
        }
        categories = union.keySet().toArray(String[]::new);
        counts = union.values().stream().mapToLong(Long::longValue).toArray();
        otherCount += other.otherCount;
        total += other.total;
        foldIfOverCapacity();
    }

    public CategoryCounts copy() {
        CategoryCounts c = new CategoryCounts(maxCategories);
        c.categories = categories.clone();
        c.counts = counts.clone();
        c.otherCount = otherCount;
        c.total = total;
        return c;
    }

    /** Count of a category ({@link #OTHER} gives the folded tail); 0 when not tracked. */
    public long countOf(String category) {
        String name = normalise(category);
        if (OTHER.equals(name)) {
            return otherCount;
        }
        int at = Arrays.binarySearch(categories, name);
        return at >= 0 ? counts[at] : 0;
    }

    /** Tracked categories and, when non-zero, {@link #OTHER}, sorted by name. */
    public Map<String, Long> asMap() {
        TreeMap<String, Long> map = new TreeMap<>();
        for (int i = 0; i < categories.length; i++) {
            map.put(categories[i], counts[i]);
        }
        if (otherCount > 0) {
            map.put(OTHER, otherCount);
        }
        return map;
    }

    private void foldIfOverCapacity() {
        if (categories.length <= 2L * maxCategories) {
            return;
        }
        Integer[] byPriority =
                IntStream.range(0, categories.length).boxed().toArray(Integer[]::new);
        // Most frequent first; among equal counts the smaller name survives.
        Arrays.sort(
                byPriority,
                Comparator.comparingLong((Integer i) -> -counts[i])
                        .thenComparing(i -> categories[i]));
        boolean[] keep = new boolean[categories.length];
        for (int k = 0; k < maxCategories; k++) {
            keep[byPriority[k]] = true;
        }
        String[] names = new String[maxCategories];
        long[] values = new long[maxCategories];
        int w = 0;
        for (int i = 0; i < categories.length; i++) {
            if (keep[i]) {
                names[w] = categories[i];
                values[w++] = counts[i];
            } else {
                otherCount += counts[i];
            }
        }
        categories = names;
        counts = values;
    }

    private static String normalise(String category) {
        if (category == null) {
            return MISSING;
        }
        return category.length() > MAX_NAME_LENGTH
                ? category.substring(0, MAX_NAME_LENGTH)
                : category;
    }
}
