package io.llmsentinel.schema.codec;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A list that a convention flattened into one attribute per leaf, because span attributes cannot
 * hold lists of objects: {@code llm.input_messages.0.message.role}, {@code
 * gen_ai.prompt.1.content}, {@code llm.output_messages.0.message.contents.2.message_content.text}.
 * Every convention that flattens (OpenInference, older OpenLLMetry) is read through this one
 * parser.
 *
 * <p>Items come in index order whatever the order of the attributes; gaps are allowed. Keys that do
 * not fit {@code prefix.N.suffix} with N a plain decimal of at most {@value #MAX_INDEX_DIGITS}
 * digits are ignored, never an error: flattened lists are telemetry content, and an odd key must
 * cost only itself. A repeated key keeps its last value, as elsewhere in the mapper.
 */
final class FlattenedList {
    static final int MAX_INDEX_DIGITS = 4;

    private static final FlattenedList EMPTY = new FlattenedList(new TreeMap<>());

    private final TreeMap<Integer, Item> items;

    private FlattenedList(TreeMap<Integer, Item> items) {
        this.items = items;
    }

    /** The list under each prefix (without its trailing dot), all read in one pass. */
    static Map<String, FlattenedList> of(List<KeyValue> attributes, String... prefixes) {
        Map<String, TreeMap<Integer, Item>> found = new HashMap<>();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            KeyValue kv = attributes.get(i);
            String key = kv.getKey();
            for (String prefix : prefixes) {
                if (isUnder(key, prefix)) {
                    add(
                            found.computeIfAbsent(prefix, p -> new TreeMap<>()),
                            key.substring(prefix.length() + 1),
                            kv.getValue());
                }
            }
        }
        Map<String, FlattenedList> lists = new HashMap<>();
        for (String prefix : prefixes) {
            TreeMap<Integer, Item> items = found.get(prefix);
            lists.put(prefix, items == null ? EMPTY : new FlattenedList(items));
        }
        return lists;
    }

    static FlattenedList of(List<KeyValue> attributes, String prefix) {
        return of(attributes, new String[] {prefix}).get(prefix);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** The items in index order. */
    Collection<Item> items() {
        return items.values();
    }

    private static boolean isUnder(String key, String prefix) {
        return key.length() > prefix.length() + 1
                && key.charAt(prefix.length()) == '.'
                && key.startsWith(prefix);
    }

    /** {@code rest} is what follows "prefix.": "N.suffix". */
    private static void add(TreeMap<Integer, Item> items, String rest, AnyValue value) {
        int dot = rest.indexOf('.');
        if (dot <= 0 || dot > MAX_INDEX_DIGITS || dot == rest.length() - 1) {
            return;
        }
        int index = 0;
        for (int i = 0; i < dot; i++) {
            char c = rest.charAt(i);
            if (c < '0' || c > '9') {
                return;
            }
            index = index * 10 + (c - '0');
        }
        items.computeIfAbsent(index, Item::new).fields.put(rest.substring(dot + 1), value);
    }

    /** One element: its leaves by the path below the index ("message.role", "content"). */
    static final class Item {
        final int index;
        private final Map<String, AnyValue> fields = new LinkedHashMap<>();

        private Item(int index) {
            this.index = index;
        }

        /** A leaf as text (scalars converted), or null when absent or not a scalar. */
        String text(String path) {
            return AnyValues.textOrNull(fields.get(path));
        }

        /** A list nested in this item: {@code sub.M.rest} leaves, e.g. "message.contents". */
        FlattenedList list(String sub) {
            TreeMap<Integer, Item> nested = null;
            for (Map.Entry<String, AnyValue> f : fields.entrySet()) {
                if (isUnder(f.getKey(), sub)) {
                    if (nested == null) {
                        nested = new TreeMap<>();
                    }
                    add(nested, f.getKey().substring(sub.length() + 1), f.getValue());
                }
            }
            return nested == null ? EMPTY : new FlattenedList(nested);
        }
    }
}
