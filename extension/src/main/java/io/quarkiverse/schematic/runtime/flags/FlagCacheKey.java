package io.quarkiverse.schematic.runtime.flags;

import java.util.Map;

/**
 * Cache key of one flag check. Map equality and hash codes ignore entry order, so {@code {a=1, b=2}} and
 * {@code {b=2, a=1}} are the same key without sorting or building a string on every check.
 */
record FlagCacheKey(String flag, Map<String, String> company, Map<String, String> user) {

    /** A key that owns immutable copies of the maps, safe to store while the caller keeps its own maps. */
    FlagCacheKey stored() {
        return new FlagCacheKey(flag, Map.copyOf(company), Map.copyOf(user));
    }
}
