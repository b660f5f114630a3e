package io.quarkiverse.schematic.deployment.devservices;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkus.runtime.configuration.ConfigurationException;

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

    /**
     * @throws ConfigurationException naming the property, for a negative allocation or soft limit
     */
    static Map<String, DevFeatureSettings> of(Map<String, SchematicDevServicesConfig.MeteredFeature> features) {
        Map<String, DevFeatureSettings> settings = new TreeMap<>();
        features.forEach((flag, feature) -> {
            String prefix = ConfigNames.property("devservices.features.\"" + flag + "\".");
            feature.companies().forEach((company, allocation) -> notNegative(allocation,
                    prefix + "companies.\"" + company + "\""));
            settings.put(flag, new DevFeatureSettings(flag,
                    notNegative(feature.allocation(), prefix + "allocation"), feature.companies(),
                    feature.eventName().filter(name -> !name.isBlank()).orElse(flag), feature.period(),
                    notNegative(feature.softLimit(), prefix + "soft-limit")));
        });
        return settings;
    }

    private static Long notNegative(OptionalLong value, String property) {
        return value.isPresent() ? notNegative(value.getAsLong(), property) : null;
    }

    private static Long notNegative(long value, String property) {
        if (value < 0) {
            throw new ConfigurationException(property + " must not be negative, was " + value);
        }
        return value;
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
