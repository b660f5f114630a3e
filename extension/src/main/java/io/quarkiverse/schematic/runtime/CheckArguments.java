package io.quarkiverse.schematic.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.Preflight;

/**
 * Argument checks of the service methods (flag names and the company and user keys of a check). The public value
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

    static Preflight preflight(Preflight preflight) {
        if (preflight == null) {
            throw new IllegalArgumentException("preflight must not be null");
        }
        return preflight;
    }

    /** The contexts of a bulk check; each one validated its keys when it was created. */
    static List<CheckContext> contexts(List<CheckContext> contexts) {
        if (contexts == null) {
            throw new IllegalArgumentException("contexts must not be null");
        }
        List<CheckContext> checked = new ArrayList<>(contexts.size());
        for (CheckContext context : contexts) {
            if (context == null) {
                throw new IllegalArgumentException("contexts element must not be null");
            }
            checked.add(context);
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
}
