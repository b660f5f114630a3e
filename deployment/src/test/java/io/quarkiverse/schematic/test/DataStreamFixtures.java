package io.quarkiverse.schematic.test;

/**
 * DataStream JSON of the flags, companies and user the local-evaluation tests replicate.
 */
final class DataStreamFixtures {

    /** A plan entitlement: on while the company used at most 10 {@code api-call} events. */
    static final String PLAN_GATE = """
            {"id": "flag_ds_plan_gate", "key": "ds-plan-gate", "default_value": false, "rules": [
              {"id": "rule_plan_gate", "flag_id": "flag_ds_plan_gate", "rule_type": "plan_entitlement",
               "name": "Plan gate", "priority": 1, "value": true, "condition_groups": [],
               "conditions": [{"id": "cond_calls", "condition_type": "metric", "operator": "lte",
                               "event_subtype": "api-call", "metric_value": 10, "metric_period": "all_time",
                               "metric_period_month_reset": "first_of_month"}]}]}
            """;

    /** On for two companies only. */
    static final String COMPANY_RULE = """
            {"id": "flag_ds_company_rule", "key": "ds-company-rule", "default_value": false, "rules": [
              {"id": "rule_acme", "flag_id": "flag_ds_company_rule", "rule_type": "standard", "name": "Acme only",
               "priority": 1, "value": true, "condition_groups": [],
               "conditions": [{"id": "cond_acme", "condition_type": "company", "operator": "eq",
                               "resource_ids": ["comp_ds_acme", "comp_ds_gone"]}]}]}
            """;

    /** On for one user only. */
    static final String USER_RULE = """
            {"id": "flag_ds_user_rule", "key": "ds-user-rule", "default_value": false, "rules": [
              {"id": "rule_jane", "flag_id": "flag_ds_user_rule", "rule_type": "standard", "name": "Jane",
               "priority": 1, "value": true, "condition_groups": [],
               "conditions": [{"id": "cond_jane", "condition_type": "user", "operator": "eq",
                               "resource_ids": ["user_ds_jane"]}]}]}
            """;

    static final String[] FLAGS = { flag("ds-default-on", true), PLAN_GATE, COMPANY_RULE, USER_RULE,
            flag("ds-doomed", true), flag("ds-silent-gate", false) };

    static final String[] COMPANIES = { company("ds-acme", 9), company("ds-tracked", 9), company("ds-partial", 3),
            company("ds-gone", 0), company("ds-preflight", 7),
            company("ds-preflight-event", 7) };

    static final String JANE = """
            {"id": "user_ds_jane", "keys": {"email": "jane@ds.example"}, "traits": [], "rules": []}
            """;

    private DataStreamFixtures() {
    }

    /** A flag without rules; its id is {@code flag_} and the key with underscores. */
    static String flag(String key, boolean defaultValue) {
        return """
                {"id": "flag_%s", "account_id": "acct_1", "environment_id": "env_1", "key": "%s",
                 "default_value": %s, "rules": []}
                """.formatted(key.replace('-', '_'), key, defaultValue);
    }

    /**
     * A company with key {@code id}, id {@code comp_} and the key with underscores, {@code calls} {@code api-call}
     * events counted, and the entitlement of {@code ds-plan-gate} (10 calls).
     */
    static String company(String key, long calls) {
        return """
                {"id": "comp_%s", "account_id": "acct_1", "environment_id": "env_1", "keys": {"id": "%s"},
                 "plan_ids": ["plan_pro"], "traits": [], "rules": [],
                 "metrics": [{"event_subtype": "api-call", "period": "all_time", "month_reset": "first_of_month",
                              "value": %d, "created_at": "2025-01-01T00:00:00Z"}],
                 "entitlements": [{"feature_id": "feat_calls", "feature_key": "ds-plan-gate", "value_type": "numeric",
                                   "allocation": 10, "usage": %d, "event_name": "api-call",
                                   "metric_period": "all_time", "month_reset": "first_of_month"}]}
                """.formatted(key.replace('-', '_'), key, calls, calls);
    }
}
