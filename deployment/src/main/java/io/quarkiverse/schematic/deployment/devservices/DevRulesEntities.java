package io.quarkiverse.schematic.deployment.devservices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.quarkiverse.schematic.MonthReset;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.rules.RulesEntitlement;

/**
 * The dev service's flags, companies and users as DataStream sends them, so that local evaluation gives the answers
 * the dev service's REST API gives (for metered features the REST API evaluates these very entities, see
 * {@link DevRulesChecks}): each flag carries its flag-level value (configured, or set in the Dev UI) as its
 * default; a company or user carries one standard rule per flag configured for one of its key values, the user's
 * (priority 1) before the company's (priority 2), as user overrides win over company overrides.
 * <p>
 * A company also carries, for each metered feature, its usage as a metric, its entitlement, and two rules of its own
 * for the feature's flag (its allocation can be its own): a plan entitlement that holds while the usage is below the
 * allocation (a metric condition, so that a {@code track} counted locally takes effect at once), and a plan
 * entitlement usage exceeded rule that answers {@code false} once it is not (the opposite metric condition, so that
 * its answer reports the usage and allocation too, as Schematic's does). An unlimited feature gets a plan entitlement
 * without conditions.
 */
final class DevRulesEntities {

    private static final String FLAG_ID_PREFIX = "flag_dev_";

    private final DevState state;

    DevRulesEntities(DevState state) {
        this.state = state;
    }

    /** Every flag the dev service knows, metered features included. */
    List<Map<String, Object>> flags() {
        TreeSet<String> keys = state.flags().known();
        keys.addAll(state.meter().features());
        List<Map<String, Object>> flags = new ArrayList<>();
        keys.forEach(flag -> flags.add(flag(flag)));
        return flags;
    }

    Map<String, Object> flag(String key) {
        DevFlags.Answer flagLevel = state.flags().flagLevel(key);
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("id", FLAG_ID_PREFIX + key);
        flag.put("key", key);
        flag.put("default_value", flagLevel != null && flagLevel.value()); // a metered feature only: off
        flag.put("rules", List.of());
        return flag;
    }

    /** The company these keys identify: the upserted one's id, or one made from the keys. */
    Map<String, Object> company(Map<String, String> keys) {
        Map<String, Object> company = entity(keys, state.companies().idOf(keys), "comp_dev_keys_", false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) company.get("rules");
        List<Map<String, Object>> metrics = new ArrayList<>();
        List<RulesEntitlement> entitlements = new ArrayList<>();
        state.meter().entitlements(keys).forEach((feature, entitlement) -> {
            metrics.add(metric(feature, entitlement));
            entitlements.add(entitlement);
            rules.addAll(meteredRules(company.get("id").toString(), feature, entitlement.allocation()));
        });
        company.put("metrics", metrics);
        company.put("entitlements", entitlements);
        return company;
    }

    Map<String, Object> user(Map<String, String> keys) {
        return entity(keys, state.users().idOf(keys), "user_dev_keys_", true);
    }

    private Map<String, Object> entity(Map<String, String> keys, String upsertedId, String idPrefix, boolean user) {
        String id = upsertedId != null ? upsertedId : idPrefix + String.join("_", new TreeMap<>(keys).values());
        List<Map<String, Object>> rules = new ArrayList<>();
        state.flags().overrides(keys, user).forEach((flag, value) -> rules.add(rule(
                "rule_dev_" + (user ? "user_" : "company_") + id + "_" + flag, flag, RuleType.STANDARD,
                "Configured for " + (user ? "user" : "company") + " (dev service)", user ? 1 : 2, value, List.of())));
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", id);
        entity.put("keys", keys);
        entity.put("traits", List.of());
        entity.put("rules", rules);
        return entity;
    }

    /** The usage the entitlement reports, as the metric its rules compare. */
    private static Map<String, Object> metric(DevFeatureSettings feature, RulesEntitlement entitlement) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("event_subtype", feature.eventName());
        metric.put("period", feature.period().metricPeriod().wireName());
        metric.put("month_reset", MonthReset.FIRST_OF_MONTH.wireName());
        metric.put("value", entitlement.usage());
        return metric;
    }

    /** @param allocation the company's allocation, {@code null} when unlimited */
    private static List<Map<String, Object>> meteredRules(String companyId, DevFeatureSettings feature,
            Long allocation) {
        String id = "rule_dev_metered_" + companyId + "_" + feature.flag();
        if (allocation == null) {
            return List.of(rule(id, feature.flag(), RuleType.PLAN_ENTITLEMENT, "Unlimited (dev service)", 0, true,
                    List.of()));
        }
        return List.of(
                rule(id, feature.flag(), RuleType.PLAN_ENTITLEMENT,
                        "Usage (plus any preflight) below the allocation (dev service)", 0, true,
                        List.of(usageCondition(id + "_usage", feature, "lt", allocation))),
                rule(id + "_exceeded", feature.flag(), RuleType.PLAN_ENTITLEMENT_USAGE_EXCEEDED,
                        "Usage (plus any preflight) not below the allocation (dev service)", 0, false,
                        List.of(usageCondition(id + "_exceeded_usage", feature, "gte", allocation))));
    }

    /** A metric condition comparing the company's usage of the feature (plus a preflight's size) with the allocation. */
    private static Map<String, Object> usageCondition(String id, DevFeatureSettings feature, String operator,
            long allocation) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("id", id);
        condition.put("condition_type", "metric");
        condition.put("operator", operator);
        condition.put("event_subtype", feature.eventName());
        condition.put("metric_value", allocation);
        condition.put("metric_period", feature.period().metricPeriod().wireName());
        condition.put("metric_period_month_reset", MonthReset.FIRST_OF_MONTH.wireName());
        return condition;
    }

    private static Map<String, Object> rule(String id, String flag, RuleType type, String name, int priority,
            boolean value, List<Map<String, Object>> conditions) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        rule.put("flag_id", FLAG_ID_PREFIX + flag);
        rule.put("rule_type", type.wireName());
        rule.put("name", name);
        rule.put("priority", priority);
        rule.put("value", value);
        rule.put("conditions", conditions);
        rule.put("condition_groups", List.of());
        return rule;
    }
}
