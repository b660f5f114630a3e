package io.quarkiverse.schematic.deployment.devservices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dev service's flags, companies and users as DataStream sends them, so that local evaluation gives the answers
 * the dev service's REST API gives: each flag carries its flag-level value (configured, or set in the Dev UI) as its
 * default; a company or user carries one standard rule per flag configured for one of its key values, the user's
 * (priority 1) before the company's (priority 2), as user overrides win over company overrides.
 */
final class DevRulesEntities {

    private static final String FLAG_ID_PREFIX = "flag_dev_";

    private final DevState state;

    DevRulesEntities(DevState state) {
        this.state = state;
    }

    /** Every flag the dev service knows. */
    List<Map<String, Object>> flags() {
        List<Map<String, Object>> flags = new ArrayList<>();
        state.flags().known().forEach(flag -> flags.add(flag(flag)));
        return flags;
    }

    Map<String, Object> flag(String key) {
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("id", FLAG_ID_PREFIX + key);
        flag.put("key", key);
        flag.put("default_value", state.flags().flagLevel(key).value());
        flag.put("rules", List.of());
        return flag;
    }

    /** The company these keys identify: the upserted one's id, or one made from the keys. */
    Map<String, Object> company(Map<String, String> keys) {
        return entity(keys, state.companies().idOf(keys), "comp_dev_keys_", false);
    }

    Map<String, Object> user(Map<String, String> keys) {
        return entity(keys, state.users().idOf(keys), "user_dev_keys_", true);
    }

    private Map<String, Object> entity(Map<String, String> keys, String upsertedId, String idPrefix, boolean user) {
        String id = upsertedId != null ? upsertedId : idPrefix + String.join("_", new TreeMap<>(keys).values());
        List<Map<String, Object>> rules = new ArrayList<>();
        state.flags().overrides(keys, user).forEach((flag, value) -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", "rule_dev_" + (user ? "user_" : "company_") + id + "_" + flag);
            rule.put("flag_id", FLAG_ID_PREFIX + flag);
            rule.put("rule_type", "standard");
            rule.put("name", "Configured for " + (user ? "user" : "company") + " (dev service)");
            rule.put("priority", user ? 1 : 2);
            rule.put("value", value);
            rule.put("conditions", List.of());
            rule.put("condition_groups", List.of());
            rules.add(rule);
        });
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", id);
        entity.put("keys", keys);
        entity.put("traits", List.of());
        entity.put("rules", rules);
        return entity;
    }
}
