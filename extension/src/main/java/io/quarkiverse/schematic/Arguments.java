package io.quarkiverse.schematic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argument checks of the public value types, beside them because public types never depend on the internal
 * {@code runtime} packages (the services check their arguments there). Every message names the offending argument.
 */
final class Arguments {

    /** The classes of the JDK's immutable maps (one entry, and any other size). */
    private static final Class<?> JDK_MAP_1 = Map.of("", "").getClass();
    private static final Class<?> JDK_MAP_N = Map.of().getClass();

    private Arguments() {
    }

    /**
     * {@link String#isBlank()} of a non-null value, deciding at the first character for the usual key or name that
     * starts with a visible ASCII character. {@code isBlank} is large enough that, inlined twice per key map, it
     * exhausts the JIT's budget for a builder chain such as {@code Track.event(..).company(..).user(..)}, and then every
     * intermediate builder is allocated instead of being optimized away.
     */
    static boolean blank(String value) {
        if (value.isEmpty()) {
            return true;
        }
        char first = value.charAt(0);
        // every whitespace character of Character.isWhitespace below U+007F is at most a space
        return (first <= ' ' || first >= '\u007f') && value.isBlank();
    }

    static String requireText(String value, String name) {
        if (value == null || blank(value)) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }

    static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * Validates identifying keys (company or user keys) and returns an immutable copy in insertion order.
     */
    static Map<String, String> requireKeys(Map<String, String> keys, String name) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException(name + " must contain at least one key");
        }
        return optionalKeys(keys, name);
    }

    /**
     * Like {@link #requireKeys} but accepts null or empty (meaning: no keys), returning an empty map.
     */
    static Map<String, String> optionalKeys(Map<String, String> keys, String name) {
        if (keys == null || keys.isEmpty()) {
            return Map.of();
        }
        keys.forEach((key, value) -> {
            if (key == null || blank(key)) {
                throw new IllegalArgumentException(name + " must not contain a null or blank key name");
            }
            if (value == null || blank(value)) {
                throw new IllegalArgumentException(name + " key '" + key + "' must not have a null or blank value");
            }
        });
        // returns an immutable map as it is: no copy on the hot path of callers that pass Map.of(...)
        return Map.copyOf(keys);
    }

    /**
     * Validates traits (free-form JSON values, null values allowed) and returns an immutable map: the caller's own
     * when it is one of the JDK's immutable maps ({@code Map.of}, {@code Map.copyOf}), else a copy in the caller's
     * order.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> traits(Map<String, ?> traits, String name) {
        if (traits == null || traits.isEmpty()) {
            return Map.of();
        }
        traits.forEach((key, value) -> {
            if (key == null || blank(key)) {
                throw new IllegalArgumentException(name + " must not contain a null or blank trait name");
            }
        });
        if (traits.getClass() == JDK_MAP_1 || traits.getClass() == JDK_MAP_N) {
            // immutable and free of nulls already: copying it would change nothing but the bytes allocated
            return (Map<String, Object>) traits;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(traits));
    }
}
