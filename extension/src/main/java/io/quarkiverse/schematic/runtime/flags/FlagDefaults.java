package io.quarkiverse.schematic.runtime.flags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The value of each flag when Schematic cannot answer: configured by {@code quarkus.schematic.flag-defaults} and
 * changeable at runtime. A flag without a default is {@code false}.
 */
public final class FlagDefaults {

    private final Map<String, Boolean> values = new ConcurrentHashMap<>();

    public FlagDefaults(Map<String, Boolean> configured) {
        values.putAll(configured);
    }

    public boolean valueOf(String flag) {
        return values.getOrDefault(flag, Boolean.FALSE);
    }

    public void set(String flag, boolean value) {
        values.put(flag, value);
    }

    /** The flag has no default any more: it answers {@code false}. */
    public void remove(String flag) {
        values.remove(flag);
    }

    /** Every flag that has a default, with its value. */
    public Map<String, Boolean> all() {
        return Map.copyOf(values);
    }
}
