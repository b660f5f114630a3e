package io.quarkiverse.schematic.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Argument checks of the service methods (flag names, the company and user keys of a check or of an account call). The public
 * value
 * types check their own arguments with the same rules in {@code io.quarkiverse.schematic.Arguments}, which is
 * package-private there because public types never depend on this package. Every message names the argument.
 */
final class CheckArguments {

    private CheckArguments() {
    }

    static String flag(String flag, String name) {
        if (flag == null || flag.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return flag;
    }

    static List<String> flags(List<String> flags) {
        if (flags == null) {
            throw new IllegalArgumentException("flags must not be null");
        }
        List<String> checked = new ArrayList<>(flags.size());
        for (String flag : flags) {
            checked.add(flag(flag, "flags element"));
        }
        return checked;
    }

    /** Company or user keys of a check: null or empty means no keys; no blank names or values. */
    static Map<String, String> keys(Map<String, String> keys, String name) {
        if (keys == null || keys.isEmpty()) {
            return Map.of();
        }
        for (Map.Entry<String, String> key : keys.entrySet()) {
            if (key.getKey() == null || key.getKey().isBlank()) {
                throw new IllegalArgumentException(name + " must not contain a null or blank key name");
            }
            if (key.getValue() == null || key.getValue().isBlank()) {
                throw new IllegalArgumentException(
                        name + " key '" + key.getKey() + "' must not have a null or blank value");
            }
        }
        // an immutable map comes back as it is: no copy on the hot path of callers that pass Map.of(...)
        return Map.copyOf(keys);
    }

    /** Keys that must find a company or user: at least one, no blank names or values. */
    static Map<String, String> requiredKeys(Map<String, String> keys, String name) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException(name + " must contain at least one key");
        }
        return keys(keys, name);
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
