package io.quarkiverse.schematic.deployment.devservices;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configured flag values and metered features of the dev service, as plain immutable maps: comparing two of them
 * tells whether a live reload changed the configuration (and the running dev service must be replaced).
 *
 * @param flags value of each flag
 * @param companies per company key value, the flags that differ for it
 * @param users per user key value, the flags that differ for it
 * @param features the metered features, by flag key
 */
record DevFlagSettings(Map<String, Boolean> flags, Map<String, Map<String, Boolean>> companies,
        Map<String, Map<String, Boolean>> users, Map<String, DevFeatureSettings> features) {

    public DevFlagSettings {
        flags = Map.copyOf(flags);
        companies = Map.copyOf(companies);
        users = Map.copyOf(users);
        features = Map.copyOf(features);
    }

    public static DevFlagSettings of(SchematicDevServicesConfig config) {
        return new DevFlagSettings(config.flags(), overrides(config.companies()), overrides(config.users()),
                DevFeatureSettings.of(config.features()));
    }

    private static Map<String, Map<String, Boolean>> overrides(Map<String, SchematicDevServicesConfig.Overrides> byKey) {
        Map<String, Map<String, Boolean>> copy = new TreeMap<>();
        byKey.forEach((key, overrides) -> copy.put(key, Map.copyOf(overrides.flags())));
        return copy;
    }

    /** Number of distinct flags mentioned anywhere, metered features included. */
    public int flagCount() {
        Set<String> all = new HashSet<>(flags.keySet());
        all.addAll(features.keySet());
        companies.values().forEach(values -> all.addAll(values.keySet()));
        users.values().forEach(values -> all.addAll(values.keySet()));
        return all.size();
    }
}
