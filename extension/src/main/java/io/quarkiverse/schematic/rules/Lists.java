package io.quarkiverse.schematic.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of the collections of DataStream JSON. Go writes {@code null} for an absent collection and may send
 * {@code null} elements; entities hold immutable collections without them, so that evaluation never checks.
 */
final class Lists {

    private Lists() {
    }

    /** An immutable copy without {@code null} elements; empty for {@code null}. */
    static <T> List<T> copy(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> present = new ArrayList<>(list.size());
        for (T element : list) {
            if (element != null) {
                present.add(element);
            }
        }
        return Collections.unmodifiableList(present);
    }

    /** Whether {@code list} holds a {@code null} element (which the reference engine treats as "never matches"). */
    static boolean holdsNull(List<?> list) {
        if (list != null) {
            for (Object element : list) {
                if (element == null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An immutable copy, in the same order, without {@code null} keys or values; empty for {@code null}. */
    static <K, V> Map<K, V> copy(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<K, V> present = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key != null && value != null) {
                present.put(key, value);
            }
        });
        return Collections.unmodifiableMap(present);
    }
}
