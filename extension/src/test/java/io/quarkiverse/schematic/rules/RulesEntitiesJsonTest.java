package io.quarkiverse.schematic.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkiverse.schematic.Entitlement;
import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.MonthReset;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.WarningTier;

/**
 * The entities read DataStream JSON as Schematic's Go types write it (snake_case, {@code null} where Go writes
 * {@code null}, unknown fields ignored) and write the same JSON back.
 */
class RulesEntitiesJsonTest {

    /** Both a bare mapper and the one of the documented contract (with whatever modules are on the class path). */
    private static final ObjectMapper BARE = new ObjectMapper();
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    static final String FLAG = """
            {
              "id": "flag_1", "account_id": "acct_1", "environment_id": "env_1", "key": "exports",
              "default_value": false, "some_future_field": {"x": 1},
              "rules": [
                {
                  "id": "rule_std", "flag_id": null, "account_id": "acct_1", "environment_id": "env_1",
                  "rule_type": "standard", "name": "Beta testers", "priority": 3, "value": true,
                  "conditions": [
                    {"id": "cond_co", "condition_type": "company", "operator": "eq",
                     "resource_ids": ["comp_1", "comp_2"], "event_subtype": null, "metric_value": null,
                     "metric_period": null, "metric_period_month_reset": null, "credit_id": null,
                     "consumption_rate": null, "trait_definition": null, "trait_value": "",
                     "comparison_trait_definition": null}
                  ],
                  "condition_groups": [
                    {"conditions": [
                      {"id": "cond_tr", "condition_type": "trait", "operator": "gte", "resource_ids": null,
                       "trait_definition": {"id": "td_seats", "comparable_type": "int", "entity_type": "company"},
                       "trait_value": "10"}
                    ]}
                  ]
                },
                {
                  "id": "rule_ent", "rule_type": "plan_entitlement", "name": "Pro exports", "priority": 0,
                  "value": true,
                  "conditions": [
                    {"id": "cond_m", "condition_type": "metric", "operator": "lte", "resource_ids": [],
                     "event_subtype": "export", "metric_value": 100, "metric_period": "current_month",
                     "metric_period_month_reset": "billing_cycle"}
                  ],
                  "condition_groups": null
                }
              ]
            }
            """;

    static final String COMPANY = """
            {
              "id": "comp_1", "account_id": "acct_1", "environment_id": "env_1",
              "keys": {"id": "acme"}, "base_plan_id": null,
              "plan_ids": ["plan_pro"], "plan_version_ids": null, "billing_product_ids": ["bp_1"],
              "credit_balances": {"credit_ai": 12.5},
              "entitlements": [
                {"feature_id": "feat_1", "feature_key": "exports", "value_type": "numeric", "allocation": 100,
                 "usage": 40, "soft_limit": 80, "event_name": "export", "metric_period": "current_month",
                 "month_reset": "billing_cycle", "metric_reset_at": "2025-02-05T12:00:00Z",
                 "credit_id": null, "credit_total": null, "credit_used": null, "credit_remaining": null,
                 "warning_tiers": [{"key": "soft", "value": 80}], "brand_new": true}
              ],
              "metrics": [
                {"account_id": "acct_1", "environment_id": "env_1", "company_id": "comp_1",
                 "event_subtype": "export", "period": "current_month", "month_reset": "billing_cycle", "value": 40,
                 "created_at": "2025-01-05T12:00:00.123456789Z", "valid_until": null}
              ],
              "traits": [
                {"trait_definition": {"id": "td_seats", "comparable_type": "int", "entity_type": "company"},
                 "value": "25"}
              ],
              "rules": [],
              "subscription": {"id": "sub_1", "period_start": "2025-01-05T12:00:00Z",
                               "period_end": "2026-01-05T12:00:00+01:00"}
            }
            """;

    static final String USER = """
            {"id": "user_1", "account_id": "acct_1", "environment_id": "env_1", "keys": {"email": "jane@acme.com"},
             "traits": null, "rules": null, "unknown": [1, 2]}
            """;

    @Test
    void readsAFlagWithItsRulesAndConditions() throws Exception {
        RulesFlag flag = MAPPER.readValue(FLAG, RulesFlag.class);

        assertThat(flag.id()).isEqualTo("flag_1");
        assertThat(flag.key()).isEqualTo("exports");
        assertThat(flag.defaultValue()).isFalse();
        assertThat(flag.rules()).extracting(RulesRule::id).containsExactly("rule_std", "rule_ent");

        RulesRule standard = flag.rules().get(0);
        assertThat(standard.flagId()).isNull();
        assertThat(standard.type()).isEqualTo(RuleType.STANDARD);
        assertThat(standard.priority()).isEqualTo(3);
        assertThat(standard.value()).isTrue();
        RulesCondition company = standard.conditions().get(0);
        assertThat(company.conditionType()).isEqualTo("company");
        assertThat(company.operator()).isEqualTo("eq");
        assertThat(company.resourceIds()).containsExactly("comp_1", "comp_2");
        assertThat(company.metricValue()).isNull();
        RulesCondition trait = standard.conditionGroups().get(0).conditions().get(0);
        assertThat(trait.resourceIds()).isEmpty();
        assertThat(trait.traitDefinition().id()).isEqualTo("td_seats");
        assertThat(trait.traitDefinition().comparableType()).isEqualTo("int");
        assertThat(trait.traitDefinition().entityType()).isEqualTo("company");
        assertThat(trait.traitValue()).isEqualTo("10");

        RulesRule entitlement = flag.rules().get(1);
        assertThat(entitlement.type()).isEqualTo(RuleType.PLAN_ENTITLEMENT);
        assertThat(entitlement.conditionGroups()).isEmpty();
        RulesCondition metric = entitlement.conditions().get(0);
        assertThat(metric.eventSubtype()).isEqualTo("export");
        assertThat(metric.metricValue()).isEqualTo(100L);
        assertThat(metric.metricPeriod()).isEqualTo("current_month");
        assertThat(metric.metricPeriodMonthReset()).isEqualTo("billing_cycle");
    }

    @Test
    void readsACompanyWithEveryPart() throws Exception {
        RulesCompany company = MAPPER.readValue(COMPANY, RulesCompany.class);

        assertThat(company.id()).isEqualTo("comp_1");
        assertThat(company.keys()).containsEntry("id", "acme");
        assertThat(company.basePlanId()).isNull();
        assertThat(company.planIds()).containsExactly("plan_pro");
        assertThat(company.planVersionIds()).isEmpty();
        assertThat(company.billingProductIds()).containsExactly("bp_1");
        assertThat(company.creditBalances()).containsEntry("credit_ai", 12.5);
        assertThat(company.traits()).singleElement().extracting(RulesTrait::value).isEqualTo("25");
        assertThat(company.rules()).isEmpty();

        RulesCompanyMetric metric = company.metrics().get(0);
        assertThat(metric.eventSubtype()).isEqualTo("export");
        assertThat(metric.period()).isEqualTo("current_month");
        assertThat(metric.monthReset()).isEqualTo("billing_cycle");
        assertThat(metric.value()).isEqualTo(40);
        assertThat(metric.createdAt()).isEqualTo(Instant.parse("2025-01-05T12:00:00.123456789Z"));
        assertThat(metric.validUntil()).isNull();

        assertThat(company.subscription().id()).isEqualTo("sub_1");
        assertThat(company.subscription().periodStart()).isEqualTo(Instant.parse("2025-01-05T12:00:00Z"));
        assertThat(company.subscription().periodEnd()).isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
    }

    @Test
    void convertsAnEntitlementToThePublicType() throws Exception {
        RulesEntitlement wire = MAPPER.readValue(COMPANY, RulesCompany.class).entitlements().get(0);

        Entitlement entitlement = wire.toEntitlement();

        assertThat(entitlement.featureId()).isEqualTo("feat_1");
        assertThat(entitlement.featureKey()).isEqualTo("exports");
        assertThat(entitlement.valueType()).isEqualTo(EntitlementValueType.NUMERIC);
        assertThat(entitlement.allocation()).isEqualTo(100L);
        assertThat(entitlement.usage()).isEqualTo(40L);
        assertThat(entitlement.softLimit()).isEqualTo(80L);
        assertThat(entitlement.eventName()).isEqualTo("export");
        assertThat(entitlement.metricPeriod()).isEqualTo(MetricPeriod.CURRENT_MONTH);
        assertThat(entitlement.monthReset()).isEqualTo(MonthReset.BILLING_CYCLE);
        assertThat(entitlement.metricResetAt()).isEqualTo(Instant.parse("2025-02-05T12:00:00Z"));
        assertThat(entitlement.creditId()).isNull();
        assertThat(entitlement.warningTiers()).containsExactly(new WarningTier("soft", 80));
        assertThat(entitlement.remaining()).hasValue(60);
        assertThat(wire.toEntitlement()).isSameAs(entitlement);
    }

    /** The {@code entitlement} object of a REST flag-check answer has the same shape, credit figures included. */
    @Test
    void readsTheEntitlementOfARestAnswer() throws Exception {
        RulesEntitlement wire = BARE.readValue("""
                {"feature_id": "feat_ai", "feature_key": "ai-answers", "value_type": "credit",
                 "credit_id": "credit_ai", "credit_total": 100.0, "credit_used": 25.5, "credit_remaining": 74.5,
                 "credit_reserved": 2, "credit_settled": 76.5, "consumption_rate": 0.5, "event_subtype": "answer",
                 "metric_period": "something_new", "month_reset": null, "value_type_v2": "ignored"}
                """, RulesEntitlement.class);

        Entitlement entitlement = wire.toEntitlement();

        assertThat(entitlement.valueType()).isEqualTo(EntitlementValueType.CREDIT);
        assertThat(entitlement.creditId()).isEqualTo("credit_ai");
        assertThat(entitlement.creditTotal()).isEqualTo(100.0);
        assertThat(entitlement.creditUsed()).isEqualTo(25.5);
        assertThat(entitlement.creditRemaining()).isEqualTo(74.5);
        assertThat(entitlement.creditReserved()).isEqualTo(2.0);
        assertThat(entitlement.creditSettled()).isEqualTo(76.5);
        assertThat(entitlement.consumptionRate()).isEqualTo(0.5);
        assertThat(entitlement.eventSubtype()).isEqualTo("answer");
        assertThat(entitlement.metricPeriod()).isEqualTo(MetricPeriod.UNKNOWN);
        assertThat(entitlement.monthReset()).isNull();
        assertThat(entitlement.allocation()).isNull();
        assertThat(entitlement.warningTiers()).isEmpty();
    }

    @Test
    void readsAUserWithNullCollections() throws Exception {
        RulesUser user = MAPPER.readValue(USER, RulesUser.class);

        assertThat(user.id()).isEqualTo("user_1");
        assertThat(user.keys()).containsEntry("email", "jane@acme.com");
        assertThat(user.traits()).isEmpty();
        assertThat(user.rules()).isEmpty();
    }

    @Test
    void readsTheSmallestEntities() throws Exception {
        RulesFlag flag = BARE.readValue("{\"id\":\"f\",\"key\":\"k\"}", RulesFlag.class);
        RulesCompany company = BARE.readValue("{\"id\":\"c\"}", RulesCompany.class);
        RulesUser user = BARE.readValue("{}", RulesUser.class);

        assertThat(flag.rules()).isEmpty();
        assertThat(flag.defaultValue()).isFalse();
        assertThat(company.keys()).isEmpty();
        assertThat(company.creditBalances()).isEmpty();
        assertThat(company.subscription()).isNull();
        assertThat(user.id()).isEmpty();
    }

    @Test
    void writesTheSameJsonBack() throws Exception {
        for (String[] entity : new String[][] { { FLAG, "flag" }, { COMPANY, "company" }, { USER, "user" } }) {
            Class<?> type = switch (entity[1]) {
                case "flag" -> RulesFlag.class;
                case "company" -> RulesCompany.class;
                default -> RulesUser.class;
            };
            Object parsed = MAPPER.readValue(entity[0], type);
            String written = MAPPER.writeValueAsString(parsed);

            JsonNode again = MAPPER.readTree(MAPPER.writeValueAsString(MAPPER.readValue(written, type)));
            assertThat(again).as(entity[1]).isEqualTo(MAPPER.readTree(written));
            assertThat(written).as(entity[1]).doesNotContain("some_future_field", "brand_new", "unknown");
        }
        JsonNode company = MAPPER.readTree(MAPPER.writeValueAsString(MAPPER.readValue(COMPANY, RulesCompany.class)));
        assertThat(company.get("subscription").get("period_end").asText()).isEqualTo("2026-01-05T12:00:00+01:00");
        assertThat(company.get("metrics").get(0).get("created_at").asText())
                .isEqualTo("2025-01-05T12:00:00.123456789Z");
        assertThat(company.get("entitlements").get(0).get("warning_tiers").get(0).get("value").asLong())
                .isEqualTo(80);
        assertThat(company.get("base_plan_id").isNull()).isTrue();
    }

    /** The Rust engine behind the official SDKs rejects a collection written as null: we never write one. */
    @Test
    void neverWritesACollectionAsNull() throws Exception {
        String flag = BARE.writeValueAsString(BARE.readValue(
                "{\"id\":\"f\",\"rules\":[{\"id\":\"r\",\"rule_type\":\"standard\",\"conditions\":null,"
                        + "\"condition_groups\":[{\"conditions\":null}]}]}",
                RulesFlag.class));
        String company = BARE.writeValueAsString(BARE.readValue("{\"id\":\"c\",\"metrics\":[{\"value\":1}]}",
                RulesCompany.class));
        String user = BARE.writeValueAsString(BARE.readValue("{\"id\":\"u\"}", RulesUser.class));

        for (String json : new String[] { flag, company, user }) {
            assertThat(json).doesNotContain("\"rules\":null", "\"traits\":null", "\"metrics\":null",
                    "\"keys\":null", "\"billing_product_ids\":null", "\"plan_ids\":null", "\"plan_version_ids\":null",
                    "\"credit_balances\":null", "\"entitlements\":null", "\"conditions\":null",
                    "\"condition_groups\":null", "\"resource_ids\":null");
        }
        assertThat(company).contains("\"keys\":{}", "\"credit_balances\":{}", "\"entitlements\":[]");
    }

    @Test
    void rejectsATimestampThatIsNotRfc3339() {
        assertThatThrownBy(() -> BARE.readValue("{\"id\":\"s\",\"period_start\":\"yesterday\"}",
                RulesSubscription.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("period_start must be an RFC 3339 timestamp, was 'yesterday'");
    }
}
