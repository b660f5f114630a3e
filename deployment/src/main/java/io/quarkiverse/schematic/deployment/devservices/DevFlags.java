package io.quarkiverse.schematic.deployment.devservices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Answers flag checks from the configured values, changed live by the Dev UI toggle. Precedence: a user override, then
 * a company override, then the flag's value (toggled or configured), then {@code false} for a flag that is configured
 * for other keys only. A flag configured nowhere is unknown, as a flag that does not exist in Schematic.
 */
final class DevFlags {

    private final DevFlagSettings settings;
    /** Flag-level values set through the Dev UI; they replace the configured value until the dev service restarts. */
    private final Map<String, Boolean> toggled = new ConcurrentHashMap<>();
    private final List<Consumer<String>> toggleListeners = new CopyOnWriteArrayList<>();

    DevFlags(DevFlagSettings settings) {
        this.settings = settings;
    }

    /** One evaluated flag. */
    record Answer(String flag, boolean value, String reason) {
    }

    /** The answer for these keys, or {@code null} for a flag configured nowhere. */
    Answer answer(String flag, Map<String, String> company, Map<String, String> user) {
        Answer override = override(flag, user, settings.users(), "user");
        if (override == null) {
            override = override(flag, company, settings.companies(), "company");
        }
        return override != null ? override : flagLevel(flag);
    }

    /** The value of a flag for a check without a company or user override. */
    Answer flagLevel(String flag) {
        Boolean set = toggled.get(flag);
        if (set != null) {
            return new Answer(flag, set, "Set in the Dev UI (dev service)");
        }
        Boolean configured = settings.flags().get(flag);
        if (configured != null) {
            return new Answer(flag, configured, "Configured in quarkus.schematic.devservices.flags (dev service)");
        }
        if (isKnown(flag)) {
            return new Answer(flag, false, "No override matched these keys (dev service)");
        }
        return null;
    }

    private static Answer override(String flag, Map<String, String> keys, Map<String, Map<String, Boolean>> byKeyValue,
            String kind) {
        for (String keyValue : keys.values()) {
            Map<String, Boolean> flags = byKeyValue.get(keyValue);
            if (flags != null && flags.containsKey(flag)) {
                return new Answer(flag, flags.get(flag),
                        "Configured for " + kind + " '" + keyValue + "' (dev service)");
            }
        }
        return null;
    }

    /** The flags overridden for one of these company (or user) key values, with their value there. */
    Map<String, Boolean> overrides(Map<String, String> keys, boolean users) {
        Map<String, Map<String, Boolean>> byKeyValue = users ? settings.users() : settings.companies();
        Map<String, Boolean> values = new TreeMap<>();
        for (String flag : known()) {
            Answer override = override(flag, keys, byKeyValue, users ? "user" : "company");
            if (override != null) {
                values.put(flag, override.value());
            }
        }
        return values;
    }

    /** Tells {@code listener} the key of every flag the Dev UI sets from now on. */
    void onToggle(Consumer<String> listener) {
        toggleListeners.add(listener);
    }

    /** Every flag the dev service knows, evaluated without keys, in name order. */
    List<Answer> all() {
        return known().stream().map(flag -> answer(flag, Map.of(), Map.of())).toList();
    }

    void set(String flag, boolean value) {
        toggled.put(flag, value);
        toggleListeners.forEach(listener -> listener.accept(flag));
    }

    /** Each known flag with its current value, whether the Dev UI set it, and its company/user overrides. */
    List<Map<String, Object>> describe() {
        return known().stream().map(flag -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("flag", flag);
            row.put("value", answer(flag, Map.of(), Map.of()).value());
            row.put("toggled", toggled.containsKey(flag));
            row.put("configured", settings.flags().get(flag));
            row.put("companies", overridesOf(flag, settings.companies()));
            row.put("users", overridesOf(flag, settings.users()));
            return (Map<String, Object>) row;
        }).toList();
    }

    private static Map<String, Boolean> overridesOf(String flag, Map<String, Map<String, Boolean>> byKeyValue) {
        Map<String, Boolean> values = new TreeMap<>();
        byKeyValue.forEach((keyValue, flags) -> {
            if (flags.containsKey(flag)) {
                values.put(keyValue, flags.get(flag));
            }
        });
        return values;
    }

    private boolean isKnown(String flag) {
        return known().contains(flag);
    }

    TreeSet<String> known() {
        TreeSet<String> flags = new TreeSet<>(settings.flags().keySet());
        flags.addAll(toggled.keySet());
        settings.companies().values().forEach(values -> flags.addAll(values.keySet()));
        settings.users().values().forEach(values -> flags.addAll(values.keySet()));
        return flags;
    }
}
