package io.quarkiverse.schematic.deployment.devservices;

import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration of one metered feature of the dev service, as an immutable value (part of
 * {@link DevFlagSettings}, whose equality decides whether a live reload replaces the dev service).
 *
 * @param flag the feature's flag key
 * @param allocation how much each company may use per period; {@code null}: unlimited
 * @param companyAllocations allocations of single companies, by company key value
 * @param eventName the track event that meters the feature
 * @param period the period usage is counted over
 * @param softLimit the soft limit, or {@code null}
 */
record DevFeatureSettings(String flag, Long allocation, Map<String, Long> companyAllocations, String eventName,
        SchematicDevServicesConfig.Period period, Long softLimit) {

    DevFeatureSettings {
        companyAllocations = Map.copyOf(companyAllocations);
    }

    static Map<String, DevFeatureSettings> of(Map<String, SchematicDevServicesConfig.MeteredFeature> features) {
        Map<String, DevFeatureSettings> settings = new TreeMap<>();
        features.forEach((flag, feature) -> settings.put(flag, new DevFeatureSettings(flag,
                feature.allocation().isPresent() ? feature.allocation().getAsLong() : null, feature.companies(),
                feature.eventName().filter(name -> !name.isBlank()).orElse(flag), feature.period(),
                feature.softLimit().isPresent() ? feature.softLimit().getAsLong() : null)));
        return settings;
    }

    /** The allocation of the company with these keys: its own when configured, else the feature's. */
    Long allocationFor(Map<String, String> companyKeys) {
        for (String keyValue : companyKeys.values()) {
            Long own = companyAllocations.get(keyValue);
            if (own != null) {
                return own;
            }
        }
        return allocation;
    }
}
