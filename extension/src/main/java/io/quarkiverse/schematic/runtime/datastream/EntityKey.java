package io.quarkiverse.schematic.runtime.datastream;

import java.util.Locale;

/**
 * One key/value pair an entity is known by, compared without case as Schematic's SDKs do ({@code company:id:acme}).
 *
 * @param key the key name, lower case
 * @param value the value, lower case
 */
record EntityKey(String key, String value) {

    /** The pair, or {@code null} when either part is missing (such a key never matches anything). */
    static EntityKey of(String key, String value) {
        if (key == null || value == null) {
            return null;
        }
        // toLowerCase returns the same instance when nothing changes: no garbage for the usual lower-case keys
        return new EntityKey(key.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT));
    }
}
