package io.quarkiverse.schematic.rules;

import java.util.Map;

/**
 * A small immutable hash table for the lookups of a check, whose keys are canonical instances (interned strings,
 * {@link MetricKey}s): a lookup hashes once (both kinds cache their hash) and compares references, never calling
 * {@code equals}, and the table is two arrays instead of a node per entry. A key that is not the canonical instance
 * of an entry's key is not found, so every key stored or looked up must come from {@link Interned} or
 * {@link MetricKey#of}.
 *
 * @param <K> canonical keys
 * @param <V> values
 */
final class ReferenceTable<K, V> {

    private static final ReferenceTable<?, ?> EMPTY = new ReferenceTable<>(new Object[0], new Object[0]);

    /** Open addressing at a load of at most one half, so that every probe ends at an empty slot. */
    private final Object[] keys;
    private final Object[] values;

    private ReferenceTable(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A table of these entries ({@code null} keys and values are left out). */
    @SuppressWarnings("unchecked")
    static <K, V> ReferenceTable<K, V> of(Map<K, V> entries) {
        if (entries.isEmpty()) {
            return (ReferenceTable<K, V>) EMPTY;
        }
        int capacity = Integer.highestOneBit(entries.size() * 2 - 1) << 1;
        Object[] keys = new Object[capacity];
        Object[] values = new Object[capacity];
        int mask = capacity - 1;
        entries.forEach((key, value) -> {
            if (key != null && value != null) {
                int slot = spread(key.hashCode()) & mask;
                while (keys[slot] != null && keys[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                values[slot] = value;
            }
        });
        return new ReferenceTable<>(keys, values);
    }

    /** The value of this canonical key, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(K key) {
        Object[] table = keys;
        if (table.length == 0) {
            return null;
        }
        int mask = table.length - 1;
        for (int slot = spread(key.hashCode()) & mask;; slot = (slot + 1) & mask) {
            Object candidate = table[slot];
            if (candidate == key) {
                return (V) values[slot];
            }
            if (candidate == null) {
                return null;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
