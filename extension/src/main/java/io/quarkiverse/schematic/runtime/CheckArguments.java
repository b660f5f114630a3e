package io.quarkiverse.schematic.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.quarkiverse.schematic.CheckContext;
import io.quarkiverse.schematic.Preflight;

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
        return elements(flags, "flags", flag -> flag(flag, "flags element"));
    }

    static Preflight preflight(Preflight preflight) {
        if (preflight == null) {
            throw new IllegalArgumentException("preflight must not be null");
        }
        return preflight;
    }

    /** The contexts of a bulk check; each one validated its keys when it was created. */
    static List<CheckContext> contexts(List<CheckContext> contexts) {
        return elements(contexts, "contexts", context -> {
            if (context == null) {
                throw new IllegalArgumentException("contexts element must not be null");
            }
            return context;
        });
    }

    /** A copy of a list argument with each element checked. */
    private static <T> List<T> elements(List<T> list, String name, UnaryOperator<T> check) {
        if (list == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        List<T> checked = new ArrayList<>(list.size());
        for (T element : list) {
            checked.add(check.apply(element));
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
