package io.quarkiverse.schematic.webhook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lenient reading of parsed webhook JSON (maps, lists, strings, numbers, booleans): a field that is absent or of an
 * unexpected type reads as {@code null} rather than failing, because Schematic adds fields and event types over time.
 */
final class WebhookData {

    private WebhookData() {
    }

    static String string(Map<String, Object> map, String... names) {
        for (String name : names) {
            if (map.get(name) instanceof String value) {
                return value;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> map, String... names) {
        for (String name : names) {
            if (map.get(name) instanceof Map<?, ?> value) {
                return (Map<String, Object>) value;
            }
        }
        return null;
    }

    static Long number(Map<String, Object> map, String... names) {
        for (String name : names) {
            if (map.get(name) instanceof Number value) {
                return value.longValue();
            }
        }
        return null;
    }

    static Boolean bool(Map<String, Object> map, String name) {
        return map.get(name) instanceof Boolean value ? value : null;
    }

    /** Entity keys, sent either as {@code [{"key":"id","value":"acme"}]} or as {@code {"id":"acme"}}. */
    static Map<String, String> keys(Map<String, Object> entity) {
        Map<String, String> keys = new LinkedHashMap<>();
        Object raw = entity.get("keys");
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> pair && pair.get("key") instanceof String key
                        && pair.get("value") != null) {
                    keys.put(key, String.valueOf(pair.get("value")));
                }
            }
        } else if (raw instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value != null) {
                    keys.put(String.valueOf(key), String.valueOf(value));
                }
            });
        }
        return Collections.unmodifiableMap(keys);
    }

    static Map<String, Object> traits(Map<String, Object> entity) {
        Map<String, Object> traits = object(entity, "traits");
        return traits == null ? Map.of() : traits;
    }

    /** A deep, unmodifiable copy of parsed JSON, so an event handed to several observers cannot be changed by one. */
    @SuppressWarnings("unchecked")
    static <T> T freeze(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), freeze(item)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(freeze(item)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }
}
