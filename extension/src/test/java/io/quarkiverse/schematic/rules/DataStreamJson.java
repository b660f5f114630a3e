package io.quarkiverse.schematic.rules;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test entities parsed from DataStream JSON, as the engine receives them, and small JSON fragments for the rules and
 * conditions the reference tests build.
 */
final class DataStreamJson {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    /**
     * A company like the reference tests' standard one: two plans, two plan versions, two billing products, a base
     * plan and a subscription that started 30 days ago; no traits, metrics or rules.
     */
    static final String ACME = """
            {
              "id": "comp_acme", "account_id": "acct_1", "environment_id": "env_1", "keys": {"id": "acme"},
              "plan_ids": ["plan_pro", "plan_addon"], "plan_version_ids": ["plnv_pro_2", "plnv_addon_1"],
              "billing_product_ids": ["bilp_pro", "bilp_addon"], "base_plan_id": "plan_pro",
              "metrics": [], "traits": [], "rules": [],
              "subscription": {"id": "bilsub_1", "period_start": "2025-01-01T00:00:00Z",
                               "period_end": "2026-01-01T00:00:00Z"}
            }
            """;

    static final String JANE = """
            {"id": "user_jane", "account_id": "acct_1", "environment_id": "env_1",
             "keys": {"email": "jane@acme.com"}, "traits": [], "rules": []}
            """;

    private DataStreamJson() {
    }

    static RulesFlag flag(String json) {
        return parse(json, RulesFlag.class);
    }

    static RulesCompany company(String json) {
        return parse(json, RulesCompany.class);
    }

    static RulesUser user(String json) {
        return parse(json, RulesUser.class);
    }

    /** A flag with this id, key, default value and rules (JSON fragments). */
    static RulesFlag flag(String id, boolean defaultValue, String... rules) {
        return flag("""
                {"id": "%s", "account_id": "acct_1", "environment_id": "env_1", "key": "%s-key",
                 "default_value": %s, "rules": [%s]}
                """.formatted(id, id, defaultValue, String.join(",", rules)));
    }

    /** A rule of this type (no flag id) with these conditions (JSON fragments). */
    static String rule(String id, String type, long priority, boolean value, String... conditions) {
        return ownRule(id, null, type, priority, value, conditions);
    }

    /** A company's or user's rule for the flag {@code flagId} ({@code null}: a legacy rule without flag id). */
    static String ownRule(String id, String flagId, String type, long priority, boolean value,
            String... conditions) {
        return """
                {"id": "%s", "flag_id": %s, "account_id": "acct_1", "environment_id": "env_1", "rule_type": "%s",
                 "name": "Rule %s", "priority": %d, "value": %s, "conditions": [%s], "condition_groups": []}
                """.formatted(id, quoted(flagId), type, id, priority, value, String.join(",", conditions));
    }

    /** A rule whose only requirement is one condition group with these alternatives. */
    static String groupRule(String id, String type, boolean value, String... alternatives) {
        return """
                {"id": "%s", "rule_type": "%s", "name": "Rule %s", "priority": 1, "value": %s, "conditions": [],
                 "condition_groups": [{"conditions": [%s]}]}
                """.formatted(id, type, id, value, String.join(",", alternatives));
    }

    /** A condition of a type that lists resource ids (company, user, plan, plan_version, billing_product, base_plan). */
    static String idCondition(String type, String operator, String... ids) {
        StringBuilder list = new StringBuilder();
        for (String id : ids) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        return """
                {"id": "cond_%s", "condition_type": "%s", "operator": "%s", "resource_ids": [%s]}
                """.formatted(type, type, operator, list);
    }

    /** A metric condition on {@code subtype} over all time (first-of-month reset, as the reference helper sets). */
    static String metricCondition(String subtype, String operator, Long limit) {
        return """
                {"id": "cond_metric", "condition_type": "metric", "operator": "%s", "event_subtype": "%s",
                 "metric_value": %s, "metric_period": "all_time", "metric_period_month_reset": "first_of_month"}
                """.formatted(operator, subtype, limit);
    }

    /** A trait condition on the trait definition {@code definitionId}. */
    static String traitCondition(String definitionId, String comparableType, String entityType, String operator,
            String value) {
        return """
                {"id": "cond_trait", "condition_type": "trait", "operator": "%s",
                 "trait_definition": {"id": "%s", "comparable_type": "%s", "entity_type": "%s"},
                 "trait_value": %s}
                """.formatted(operator, definitionId, comparableType, entityType, quoted(value));
    }

    /** A credit condition on {@code creditId}; {@code null} rate or subtype are left out. */
    static String creditCondition(String creditId, Double consumptionRate, String eventSubtype) {
        return """
                {"id": "cond_credit", "condition_type": "credit", "operator": "gte", "credit_id": "%s",
                 "consumption_rate": %s, "event_subtype": %s}
                """.formatted(creditId, consumptionRate, quoted(eventSubtype));
    }

    /** A trait of a company or user. */
    static String trait(String definitionId, String comparableType, String entityType, String value) {
        return """
                {"trait_definition": {"id": "%s", "comparable_type": "%s", "entity_type": "%s"}, "value": %s}
                """.formatted(definitionId, comparableType, entityType, quoted(value));
    }

    /** A company metric with the reference helper's first-of-month reset. */
    static String metric(String subtype, String period, long value) {
        return """
                {"account_id": "acct_1", "environment_id": "env_1", "company_id": "comp_acme",
                 "event_subtype": "%s", "period": "%s", "month_reset": "first_of_month", "value": %d,
                 "created_at": "2025-01-01T00:00:00Z", "valid_until": null}
                """.formatted(subtype, period, value);
    }

    /** {@link #ACME} with some fields replaced: pairs of field name and JSON value. */
    static RulesCompany acme(String... fieldsAndValues) {
        return company(with(ACME, fieldsAndValues));
    }

    /** {@link #JANE} with some fields replaced: pairs of field name and JSON value. */
    static RulesUser jane(String... fieldsAndValues) {
        return user(with(JANE, fieldsAndValues));
    }

    /** An entity's JSON with some fields replaced (pairs of field name and JSON value). */
    static String with(String json, String... fieldsAndValues) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(json);
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                node.set(fieldsAndValues[i], MAPPER.readTree(fieldsAndValues[i + 1]));
            }
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        return text == null ? "null" : '"' + text + '"';
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
