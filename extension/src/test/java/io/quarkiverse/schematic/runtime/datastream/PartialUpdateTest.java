package io.quarkiverse.schematic.runtime.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesUser;

/**
 * Partial DataStream updates merge as Schematic's SDKs merge them.
 */
class PartialUpdateTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COMPANY = """
            {"id": "comp_1", "keys": {"id": "acme"}, "base_plan_id": "plan_free",
             "credit_balances": {"cred_a": 10.0, "cred_b": 5.0},
             "metrics": [{"event_subtype": "calls", "period": "all_time", "month_reset": "first_of_month", "value": 3},
                         {"event_subtype": "calls", "period": "current_month", "month_reset": "first_of_month",
                          "value": 1}],
             "entitlements": [
               {"feature_id": "f1", "feature_key": "calls", "value_type": "numeric", "allocation": 10, "usage": 3,
                "event_name": "calls", "metric_period": "all_time", "month_reset": "first_of_month"},
               {"feature_id": "f2", "feature_key": "ai", "value_type": "credit", "credit_id": "cred_a",
                "credit_remaining": 10.0}]}
            """;

    final PartialUpdate partials = new PartialUpdate(JSON);

    @Test
    void keysAndBalancesMergeMetricsUpsertOtherFieldsReplace() throws Exception {
        RulesCompany merged = partials.company(JSON.readValue(COMPANY, RulesCompany.class), partial("""
                {"keys": {"domain": "acme.com"}, "credit_balances": {"cred_a": 4.0}, "base_plan_id": "plan_pro",
                 "metrics": [{"event_subtype": "calls", "period": "all_time", "month_reset": "first_of_month",
                              "value": 7},
                             {"event_subtype": "uploads", "period": "all_time", "value": 2}]}
                """));

        assertThat(merged.id()).isEqualTo("comp_1");
        assertThat(merged.keys()).containsEntry("id", "acme").containsEntry("domain", "acme.com");
        assertThat(merged.creditBalances()).containsEntry("cred_a", 4.0).containsEntry("cred_b", 5.0);
        assertThat(merged.basePlanId()).isEqualTo("plan_pro");
        assertThat(merged.metrics()).extracting(metric -> metric.eventSubtype() + "/" + metric.period() + "="
                + metric.value()).containsExactly("calls/all_time=7", "calls/current_month=1", "uploads/all_time=2");
        assertThat(merged.entitlements().get(0).usage()).as("usage re-derived from the metric").isEqualTo(7L);
        assertThat(merged.entitlements().get(1).creditRemaining()).as("credits re-derived from the balance")
                .isEqualTo(4.0);
    }

    @Test
    void entitlementsSentWithThePartialAreTrusted() throws Exception {
        RulesCompany merged = partials.company(JSON.readValue(COMPANY, RulesCompany.class), partial("""
                {"metrics": [{"event_subtype": "calls", "period": "all_time", "month_reset": "first_of_month",
                              "value": 7}],
                 "entitlements": [{"feature_id": "f1", "feature_key": "calls", "value_type": "numeric",
                                   "allocation": 20, "usage": 6, "event_name": "calls"}]}
                """));

        assertThat(merged.entitlements()).singleElement().satisfies(entitlement -> {
            assertThat(entitlement.usage()).isEqualTo(6L);
            assertThat(entitlement.allocation()).isEqualTo(20L);
        });
    }

    @Test
    void aUserMergesKeysAndReplacesTraits() throws Exception {
        RulesUser user = JSON.readValue("""
                {"id": "user_1", "keys": {"email": "jane@acme.com"},
                 "traits": [{"trait_definition": {"id": "td_role", "comparable_type": "string", "entity_type": "user"},
                             "value": "member"}]}
                """, RulesUser.class);

        RulesUser merged = partials.user(user, partial("""
                {"keys": {"id": "u-42"},
                 "traits": [{"trait_definition": {"id": "td_role", "comparable_type": "string", "entity_type": "user"},
                             "value": "admin"}]}
                """));

        assertThat(merged.keys()).containsEntry("email", "jane@acme.com").containsEntry("id", "u-42");
        assertThat(merged.traits()).singleElement().satisfies(trait -> assertThat(trait.value()).isEqualTo("admin"));
    }

    private static ObjectNode partial(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
