package io.quarkiverse.schematic.deployment.devservices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature usage of a company, in the shape of Schematic's {@code FeatureUsageResponseData}, from what the dev
 * service counts: every flag it knows is a boolean feature (access: the flag's value for the company), and every
 * numeric trait of the company is a trait-metered feature (usage: the trait's value, no allocation), so that a seat
 * counter kept with trait increments shows on a usage page in dev mode.
 */
final class DevFeatureUsage {

    private final DevFlags flags;

    DevFeatureUsage(DevFlags flags) {
        this.flags = flags;
    }

    /** The features of this company ({@code keys}: how it was looked up; {@code company}: its stored JSON). */
    List<Map<String, Object>> of(Map<String, String> keys, Map<String, Object> company) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (DevFlags.Answer known : flags.all()) {
            boolean access = flags.answer(known.flag(), keys, Map.of()).value();
            features.add(feature("flag_" + known.flag(), known.flag(), "boolean", access, null, false,
                    List.of(Map.of("key", known.flag()))));
        }
        if (company.get("traits") instanceof Map<?, ?> traits) {
            traits.forEach((trait, value) -> {
                Long usage = number(value);
                if (usage != null) {
                    features.add(feature("trait_" + trait, trait.toString(), "trait", true, usage, true, List.of()));
                }
            });
        }
        return features;
    }

    private static Map<String, Object> feature(String id, String name, String type, boolean access, Long usage,
            boolean unlimited, List<Map<String, String>> featureFlags) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("id", "feat_dev_" + id);
        feature.put("name", name);
        feature.put("feature_type", type);
        feature.put("flags", featureFlags);
        Map<String, Object> usageData = new LinkedHashMap<>();
        usageData.put("access", access);
        usageData.put("allocation_type", type);
        usageData.put("usage", usage);
        usageData.put("is_unlimited", unlimited);
        usageData.put("entitlement_id", "ent_dev_" + id);
        usageData.put("entitlement_type", "plan_entitlement");
        usageData.put("feature", feature);
        return usageData;
    }

    /** A whole number as Schematic would count it: a JSON number or a numeric text (trait values travel as text). */
    static Long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException notNumeric) {
                return null;
            }
        }
        return null;
    }
}
