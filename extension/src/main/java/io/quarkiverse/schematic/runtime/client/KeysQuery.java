package io.quarkiverse.schematic.runtime.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Company keys as the query parameters of Schematic's GET endpoints: a map travels as {@code keys[<name>]=<value>}
 * (deep-object style), one parameter per key. The REST client percent-encodes names and values.
 */
public final class KeysQuery {

    private KeysQuery() {
    }

    public static Map<String, String> of(Map<String, String> keys) {
        Map<String, String> query = new LinkedHashMap<>(keys.size() * 2);
        keys.forEach((name, value) -> query.put("keys[" + name + "]", value));
        return query;
    }
}
