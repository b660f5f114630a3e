package io.quarkiverse.schematic.rules;

import static io.quarkiverse.schematic.rules.DataStreamJson.acme;
import static io.quarkiverse.schematic.rules.DataStreamJson.creditCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.flag;
import static io.quarkiverse.schematic.rules.DataStreamJson.groupRule;
import static io.quarkiverse.schematic.rules.DataStreamJson.idCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.jane;
import static io.quarkiverse.schematic.rules.DataStreamJson.metric;
import static io.quarkiverse.schematic.rules.DataStreamJson.metricCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.ownRule;
import static io.quarkiverse.schematic.rules.DataStreamJson.rule;
import static io.quarkiverse.schematic.rules.DataStreamJson.trait;
import static io.quarkiverse.schematic.rules.DataStreamJson.traitCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.EntitlementValueType;
import io.quarkiverse.schematic.MetricPeriod;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.RuleType;

/**
 * Every case of the reference engine's flag-check tests ({@code flagcheck_test.go} of SchematicHQ/rulesengine),
 * restated with entities parsed from DataStream JSON. The company is {@link DataStreamJson#ACME} unless a case says
 * otherwise.
 */
class FlagCheckTest {

    private static final String ACME_ID = "comp_acme";
    private static final String JANE_ID = "user_jane";

    @Nested
    class BasicChecks {

        @Test
        void aMissingFlagAnswersFlagNotFoundWithAnError() {
            RulesResult result = RulesEngine.checkFlag(null, acme(), null, null);

            assertThat(result.reason()).isEqualTo("Flag not found");
            assertThat(result.error()).isEqualTo("flag not found");
            assertThat(result.value()).isFalse();
        }

        @Test
        void noRulesGiveTheDefaultValue() {
            RulesResult result = RulesEngine.checkFlag(flag("flag_1", true), acme(), null, null);

            assertThat(result.reason()).isEqualTo("No rules matched; default value for flag");
            assertThat(result.value()).isTrue();
            assertThat(result.companyId()).isEqualTo(ACME_ID);
            assertThat(result.error()).isNull();
        }

        @Test
        void theFirstMatchingRuleDecides() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_1", "standard", 1, true, idCondition("company", "eq", ACME_ID)));

            RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.reason()).isEqualTo("Matched standard rule \"Rule rule_1\" (rule_1)");
            assertThat(result.ruleId()).isEqualTo("rule_1");
            assertThat(result.ruleType()).isEqualTo(RuleType.STANDARD);
        }
    }

    @Nested
    class RulePrioritization {

        @Test
        void aGlobalOverrideBeatsAMatchingStandardRule() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_std", "standard", 1, false, idCondition("company", "eq", ACME_ID)),
                    rule("rule_global", "global_override", 1, true));

            RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_global");
            assertThat(result.reason()).isEqualTo("Matched global override rule \"Rule rule_global\" (rule_global)");
        }

        @Test
        void standardRulesAreVisitedByAscendingPriority() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_p2", "standard", 2, false, idCondition("company", "eq", ACME_ID)),
                    rule("rule_p1", "standard", 1, true, idCondition("company", "eq", ACME_ID)));

            RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_p1");
        }
    }

    @Nested
    class ConditionGroups {

        @Test
        void oneMatchingConditionOfAGroupIsEnough() {
            RulesFlag flag = flag("flag_1", false, groupRule("rule_1", "standard", true,
                    idCondition("company", "eq", "comp_other"), idCondition("company", "eq", ACME_ID)));

            RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_1");
        }
    }

    @Nested
    class EntitlementRules {

        @Test
        void aMetricConditionReportsUsageAllocationAndEvent() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_ent", "plan_entitlement", 0, true, metricCondition("test-event", "lte", 10L)));
            RulesCompany company = acme("metrics", "[" + metric("test-event", "all_time", 5) + "]");

            RulesResult result = RulesEngine.checkFlag(flag, company, null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_ent");
            assertThat(result.featureUsage()).isEqualTo(5L);
            assertThat(result.featureAllocation()).isEqualTo(10L);
            assertThat(result.featureUsageEvent()).isEqualTo("test-event");
            assertThat(result.featureUsagePeriod()).isEqualTo(MetricPeriod.ALL_TIME);
            assertThat(result.featureUsageResetAt()).isNull();
        }

        @Test
        void anIntTraitConditionReportsUsageAndAllocation() {
            RulesFlag flag = flag("flag_1", false, rule("rule_ent", "plan_entitlement", 0, true,
                    traitCondition("trt_seats", "int", "company", "lte", "10")));
            RulesCompany company = acme("traits", "[" + trait("trt_seats", "int", "company", "5") + "]");

            RulesResult result = RulesEngine.checkFlag(flag, company, null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_ent");
            assertThat(result.featureUsage()).isEqualTo(5L);
            assertThat(result.featureAllocation()).isEqualTo(10L);
            assertThat(result.featureUsageEvent()).isNull();
        }

        @Test
        void theCompanysEntitlementToTheFlagsFeatureIsReturned() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_ent", "plan_entitlement", 0, true, idCondition("company", "eq", ACME_ID)));
            RulesCompany company = acme("entitlements", """
                    [{"feature_id": "feat_other", "feature_key": "other-key", "value_type": "boolean"},
                     {"feature_id": "feat_1", "feature_key": "flag_1-key", "value_type": "numeric",
                      "allocation": 100, "usage": 50, "event_name": "test-event", "credit_total": 1000.0}]
                    """);

            RulesResult result = RulesEngine.checkFlag(flag, company, null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_ent");
            assertThat(result.entitlement().featureId()).isEqualTo("feat_1");
            assertThat(result.entitlement().featureKey()).isEqualTo("flag_1-key");
            assertThat(result.entitlement().valueType()).isEqualTo(EntitlementValueType.NUMERIC);
            assertThat(result.entitlement().allocation()).isEqualTo(100L);
            assertThat(result.entitlement().usage()).isEqualTo(50L);
            assertThat(result.entitlement().creditTotal()).isEqualTo(1000.0);
            // a company condition carries no usage figures
            assertThat(result.featureUsage()).isNull();
            assertThat(result.featureAllocation()).isNull();
        }
    }

    @Nested
    class UserContext {

        @Test
        void aUserConditionMatchesTheUser() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_1", "standard", 1, true, idCondition("user", "eq", JANE_ID)));

            RulesResult result = RulesEngine.checkFlag(flag, null, jane(), null);

            assertThat(result.value()).isTrue();
            assertThat(result.userId()).isEqualTo(JANE_ID);
            assertThat(result.companyId()).isNull();
            assertThat(result.ruleId()).isEqualTo("rule_1");
        }

        @Test
        void aUserTraitIsCompared() {
            RulesFlag flag = flag("flag_1", false, rule("rule_1", "standard", 1, true,
                    traitCondition("trt_role", "string", "user", "eq", "test-value")));
            RulesUser user = jane("traits", "[" + trait("trt_role", "string", "user", "test-value") + "]");

            RulesResult result = RulesEngine.checkFlag(flag, null, user, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_1");
        }
    }

    @Nested
    class CompanyProvidedRules {

        @Test
        void aCompanyRuleIsEvaluatedWithTheFlagsRules() {
            RulesCompany company = acme("rules",
                    "[" + ownRule("rule_co", "flag_1", "standard", 1, true, idCondition("company", "eq", ACME_ID))
                            + "]");

            RulesResult result = RulesEngine.checkFlag(flag("flag_1", false), company, null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_co");
        }

        @Test
        void aCompanyRuleTakesItsPlaceInThePriorityOrder() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_flag", "standard", 2, false, idCondition("company", "eq", ACME_ID)));
            RulesCompany company = acme("rules",
                    "[" + ownRule("rule_co", "flag_1", "standard", 1, true, idCondition("company", "eq", ACME_ID))
                            + "]");

            RulesResult result = RulesEngine.checkFlag(flag, company, null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_co");
        }

        @Test
        void aCompanyGlobalOverrideBeatsTheFlagsStandardRule() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_flag", "standard", 1, false, idCondition("company", "eq", ACME_ID)));
            RulesCompany company = acme("rules",
                    "[" + ownRule("rule_co", "flag_1", "global_override", 1, true) + "]");

            RulesResult result = RulesEngine.checkFlag(flag, company, null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_co");
        }

        @Test
        void everyCompanyRuleIsTried() {
            RulesCompany company = acme("rules", "["
                    + ownRule("rule_co_1", "flag_1", "standard", 1, true, idCondition("company", "eq", "comp_other"))
                    + "," + ownRule("rule_co_2", "flag_1", "standard", 2, true, idCondition("company", "eq", ACME_ID))
                    + "]");

            RulesResult result = RulesEngine.checkFlag(flag("flag_1", false), company, null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_co_2");
        }
    }

    @Nested
    class UserProvidedRules {

        @Test
        void aUserRuleIsEvaluatedWithTheFlagsRules() {
            RulesUser user = jane("rules",
                    "[" + ownRule("rule_u", "flag_1", "standard", 1, true, idCondition("user", "eq", JANE_ID)) + "]");

            RulesResult result = RulesEngine.checkFlag(flag("flag_1", false), null, user, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_u");
        }

        @Test
        void aUserRuleTakesItsPlaceInThePriorityOrder() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_flag", "standard", 2, false, idCondition("user", "eq", JANE_ID)));
            RulesUser user = jane("rules",
                    "[" + ownRule("rule_u", "flag_1", "standard", 1, true, idCondition("user", "eq", JANE_ID)) + "]");

            RulesResult result = RulesEngine.checkFlag(flag, null, user, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_u");
        }

        @Test
        void aUserGlobalOverrideBeatsTheFlagsStandardRule() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_flag", "standard", 1, false, idCondition("user", "eq", JANE_ID)));
            RulesUser user = jane("rules", "[" + ownRule("rule_u", "flag_1", "global_override", 1, true) + "]");

            RulesResult result = RulesEngine.checkFlag(flag, null, user, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_u");
        }
    }

    @Nested
    class CombinedCompanyAndUserRules {

        @Test
        void companyAndUserRulesAreBothTried() {
            RulesCompany company = acme("rules", "["
                    + ownRule("rule_co", "flag_1", "standard", 1, true, idCondition("company", "eq", "comp_other"))
                    + "]");
            RulesUser user = jane("rules",
                    "[" + ownRule("rule_u", "flag_1", "standard", 2, true, idCondition("user", "eq", JANE_ID)) + "]");

            RulesResult result = RulesEngine.checkFlag(flag("flag_1", false), company, user, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_u");
        }

        @Test
        void rulesOfAllThreeSourcesShareOnePriorityOrder() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_flag", "standard", 2, true, idCondition("company", "eq", ACME_ID)));
            RulesCompany company = acme("rules",
                    "[" + ownRule("rule_co", "flag_1", "standard", 3, true, idCondition("company", "eq", ACME_ID))
                            + "]");
            RulesUser user = jane("rules",
                    "[" + ownRule("rule_u", "flag_1", "standard", 1, true, idCondition("user", "eq", JANE_ID)) + "]");

            RulesResult result = RulesEngine.checkFlag(flag, company, user, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_u");
        }

        @Test
        void companyRulesForAnotherFlagAreIgnored() {
            RulesCompany company = acme("rules", "["
                    + ownRule("rule_co", "other-flag-id", "standard", 1, true, idCondition("company", "eq", ACME_ID))
                    + "]");

            RulesResult result = RulesEngine.checkFlag(flag("flag_1", false), company, null, null);

            assertThat(result.value()).isFalse();
            assertThat(result.ruleId()).isNull();
            assertThat(result.reason()).isEqualTo("No rules matched; default value for flag");
        }

        @Test
        void userRulesForAnotherFlagAreIgnored() {
            RulesUser user = jane("rules", "["
                    + ownRule("rule_u", "other-flag-id", "standard", 1, true, idCondition("user", "eq", JANE_ID))
                    + "]");

            RulesResult result = RulesEngine.checkFlag(flag("flag_1", false), null, user, null);

            assertThat(result.value()).isFalse();
            assertThat(result.ruleId()).isNull();
            assertThat(result.reason()).isEqualTo("No rules matched; default value for flag");
        }

        @Test
        void rulesWithoutAFlagIdAreIgnored() {
            RulesCompany company = acme("rules",
                    "[" + ownRule("rule_legacy", null, "standard", 1, true, idCondition("company", "eq", ACME_ID))
                            + "]");

            RulesResult result = RulesEngine.checkFlag(flag("flag_1", false), company, null, null);

            assertThat(result.value()).isFalse();
            assertThat(result.ruleId()).isNull();
            assertThat(result.reason()).isEqualTo("No rules matched; default value for flag");
        }

        @Test
        void eachFlagGetsTheCompanyRuleMeantForIt() {
            RulesCompany company = acme("rules", "["
                    + ownRule("rule_for_1", "flag_1", "standard", 1, true, idCondition("company", "eq", ACME_ID))
                    + "," + ownRule("rule_for_2", "flag_2", "standard", 1, false, idCondition("company", "eq", ACME_ID))
                    + "]");

            RulesResult first = RulesEngine.checkFlag(flag("flag_1", false), company, null, null);
            RulesResult second = RulesEngine.checkFlag(flag("flag_2", true), company, null, null);

            assertThat(first.value()).isTrue();
            assertThat(first.ruleId()).isEqualTo("rule_for_1");
            assertThat(second.value()).isFalse();
            assertThat(second.ruleId()).isEqualTo("rule_for_2");
        }
    }

    @Nested
    class PlanVersionConditions {

        @Test
        void matchesWhenTheCompanyHasOneOfThePlanVersions() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_1", "standard", 1, true, idCondition("plan_version", "eq", "plnv_pro_2")));

            RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_1");
        }

        @Test
        void doesNotMatchOtherPlanVersions() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_1", "standard", 1, true, idCondition("plan_version", "eq", "non-matching-version-id")));

            RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

            assertThat(result.value()).isFalse();
            assertThat(result.reason()).isEqualTo("No rules matched; default value for flag");
        }

        @Test
        void doesNotMatchACompanyWithoutPlanVersions() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_1", "standard", 1, true, idCondition("plan_version", "eq", "some-version-id")));

            RulesResult result = RulesEngine.checkFlag(flag, acme("plan_version_ids", "[]"), null, null);

            assertThat(result.value()).isFalse();
            assertThat(result.reason()).isEqualTo("No rules matched; default value for flag");
        }

        @Test
        void notEqualsMatchesWhenTheVersionsDiffer() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_1", "standard", 1, true, idCondition("plan_version", "ne", "non-matching-version-id")));

            RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_1");
        }

        @Test
        void notEqualsDoesNotMatchWhenAVersionIsTheCompanys() {
            RulesFlag flag = flag("flag_1", true,
                    rule("rule_1", "standard", 1, false, idCondition("plan_version", "ne", "plnv_pro_2")));

            RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.reason()).isEqualTo("No rules matched; default value for flag");
        }

        @Test
        void doesNotMatchWithoutACompany() {
            RulesFlag flag = flag("flag_1", false,
                    rule("rule_1", "standard", 1, true, idCondition("plan_version", "eq", "some-version-id")));

            RulesResult result = RulesEngine.checkFlag(flag, null, null, null);

            assertThat(result.value()).isFalse();
            assertThat(result.reason()).isEqualTo("No rules matched; default value for flag");
        }
    }

    @Nested
    class ComplexScenarios {

        @Test
        void conditionsOfSeveralTypesAndAGroupTogether() {
            RulesFlag flag = flag("""
                    {"id": "flag_1", "key": "reports", "default_value": false, "rules": [
                      {"id": "rule_1", "rule_type": "standard", "name": "Mixed", "priority": 1, "value": true,
                       "conditions": [%s, %s],
                       "condition_groups": [{"conditions": [%s, %s]}]}
                    ]}
                    """.formatted(idCondition("company", "eq", ACME_ID),
                    traitCondition("trt_tier", "int", "company", "eq", "test-value"),
                    idCondition("plan", "eq", "plan_pro"), idCondition("base_plan", "eq", "plan_pro")));
            RulesCompany company = acme("traits", "[" + trait("trt_tier", "int", "company", "test-value") + "]");

            RulesResult result = RulesEngine.checkFlag(flag, company, null, null);

            assertThat(result.value()).isTrue();
            assertThat(result.ruleId()).isEqualTo("rule_1");
        }

        @Test
        void aMetricConditionWithoutFieldsAndAnEmptyGroupFallBackToTheDefault() {
            RulesFlag flag = flag("""
                    {"id": "flag_1", "key": "reports", "default_value": true, "rules": [
                      {"id": "rule_1", "rule_type": "standard", "name": "Broken", "priority": 1, "value": false,
                       "conditions": [{"condition_type": "metric"}], "condition_groups": [{}]}
                    ]}
                    """);

            RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

            assertThat(result.error()).isNull();
            assertThat(result.value()).isTrue();
            assertThat(result.reason()).isEqualTo("No rules matched; default value for flag");
        }
    }

    @Nested
    class PreflightOptions {

        /** A flag (default false) whose one standard rule needs a credit balance. */
        private RulesFlag creditFlag(double consumptionRate, String eventSubtype) {
            return flag("flag_1", false,
                    rule("rule_credit", "standard", 1, true,
                            creditCondition("credit-abc", consumptionRate, eventSubtype)));
        }

        private RulesCompany withBalance(double balance) {
            return acme("credit_balances", "{\"credit-abc\": " + balance + "}");
        }

        private String decidingRule(RulesFlag flag, RulesCompany company, Preflight preflight) {
            return RulesEngine.checkFlag(flag, company, null, preflight).ruleId();
        }

        /**
         * The reference engine rejects negative preflight figures with an error; our {@link Preflight} cannot even
         * hold one, so the engine never sees it.
         */
        @Test
        void negativeFiguresAreRejectedBeforeTheyReachTheEngine() {
            assertThatThrownBy(() -> Preflight.usage(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("usage");
            assertThatThrownBy(() -> Preflight.eventUsage("api-calls", -5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
            assertThatThrownBy(() -> Preflight.creditCost("credit-abc", -0.5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost");
        }

        @Test
        void zeroFiguresAreAccepted() {
            Preflight zeros = Preflight.usage(0).withEventUsage("api-calls", 0).withCreditCost("credit-abc", 0);

            RulesResult result = RulesEngine.checkFlag(flag("flag_1", true), acme(), null, zeros);

            assertThat(result.error()).isNull();
            assertThat(result.value()).isTrue();
        }

        @Test
        void aCreditCostIsComparedWithTheBalanceDirectly() {
            assertThat(decidingRule(creditFlag(1.0, null), withBalance(100), Preflight.creditCost("credit-abc", 50)))
                    .isEqualTo("rule_credit");
        }

        @Test
        void aCreditCostAboveTheBalanceDoesNotMatch() {
            assertThat(decidingRule(creditFlag(1.0, null), withBalance(10), Preflight.creditCost("credit-abc", 50)))
                    .isNull();
        }

        @Test
        void aCreditCostOfAnotherCreditIsIgnored() {
            // falls through to balance >= consumption rate: 5 >= 1
            assertThat(decidingRule(creditFlag(1.0, null), withBalance(5), Preflight.creditCost("credit-other", 9999)))
                    .isEqualTo("rule_credit");
        }

        @Test
        void aUsageIsMultipliedByTheConsumptionRate() {
            // 50 x 0.0001 = 0.005 credits needed, balance 1
            assertThat(decidingRule(creditFlag(0.0001, null), withBalance(1), Preflight.usage(50)))
                    .isEqualTo("rule_credit");
        }

        @Test
        void aUsageCostingMoreThanTheBalanceDoesNotMatch() {
            // 20,000 x 0.0001 = 2 credits needed, balance 1
            assertThat(decidingRule(creditFlag(0.0001, null), withBalance(1), Preflight.usage(20_000))).isNull();
        }

        @Test
        void anEventUsageOfTheConditionsSubtypeIsMultipliedByTheRate() {
            // 100 x 0.05 = 5 credits needed, balance 10
            assertThat(decidingRule(creditFlag(0.05, "api-calls"), withBalance(10),
                    Preflight.eventUsage("api-calls", 100))).isEqualTo("rule_credit");
        }

        @Test
        void anEventUsageOfAnotherSubtypeFallsThroughToTheRate() {
            // 5 >= 1
            assertThat(decidingRule(creditFlag(1.0, "api-calls"), withBalance(5),
                    Preflight.eventUsage("other-events", 9999))).isEqualTo("rule_credit");
        }

        @Test
        void aRepeatedEventUsageReplacesTheEarlierOne() {
            // the surviving 100 x 0.05 = 5 fits a balance of 10; the replaced 1,000,000 would not
            Preflight preflight = Preflight.eventUsage("api-calls", 1_000_000).withEventUsage("api-calls", 100);

            assertThat(decidingRule(creditFlag(0.05, "api-calls"), withBalance(10), preflight))
                    .isEqualTo("rule_credit");
        }

        @Test
        void anEventUsageWinsOverAUsageOnACreditCondition() {
            // event usage 5 x 1 fits a balance of 10; the usage of 1,000,000 would not
            Preflight preflight = Preflight.usage(1_000_000).withEventUsage("api-calls", 5);

            assertThat(decidingRule(creditFlag(1.0, "api-calls"), withBalance(10), preflight))
                    .isEqualTo("rule_credit");
        }

        @Test
        void aCreditCostWinsOverAUsage() {
            Preflight preflight = Preflight.creditCost("credit-abc", 5).withUsage(1_000_000);

            assertThat(decidingRule(creditFlag(0.05, null), withBalance(10), preflight)).isEqualTo("rule_credit");
        }

        @Test
        void aCreditCostWinsOverAnEventUsage() {
            Preflight preflight = Preflight.creditCost("credit-abc", 5).withEventUsage("api-calls", 1_000_000);

            assertThat(decidingRule(creditFlag(0.05, "api-calls"), withBalance(10), preflight))
                    .isEqualTo("rule_credit");
        }

        /** A flag (default false) whose standard rule allows up to 10 of {@code api-calls}; the company used 5. */
        private RulesFlag meteredFlag() {
            return flag("flag_1", false, rule("rule_metric", "standard", 1, true,
                    metricCondition("api-calls", "lte", 10L)));
        }

        private RulesCompany usedFive() {
            return acme("metrics", "[" + metric("api-calls", "all_time", 5) + "]");
        }

        @Test
        void aUsagePushesAMetricOverItsLimit() {
            assertThat(decidingRule(meteredFlag(), usedFive(), null)).isEqualTo("rule_metric");
            assertThat(decidingRule(meteredFlag(), usedFive(), Preflight.usage(10))).isNull();
        }

        @Test
        void anEventUsageOfTheSubtypeWinsOverAUsageOnAMetric() {
            Preflight preflight = Preflight.usage(1).withEventUsage("api-calls", 10);

            assertThat(decidingRule(meteredFlag(), usedFive(), preflight)).isNull();
        }

        @Test
        void aZeroEventUsageFallsThroughToTheUsageOnAMetric() {
            Preflight preflight = Preflight.eventUsage("api-calls", 0).withUsage(10);

            assertThat(decidingRule(meteredFlag(), usedFive(), preflight)).isNull();
        }

        @Test
        void aUsagePushesAnIntTraitOverItsLimit() {
            RulesFlag flag = flag("flag_1", false, rule("rule_trait", "standard", 1, true,
                    traitCondition("trt_seats", "int", "company", "lte", "10")));
            RulesCompany company = acme("traits", "[" + trait("trt_seats", "int", "company", "5") + "]");

            assertThat(decidingRule(flag, company, null)).isEqualTo("rule_trait");
            assertThat(decidingRule(flag, company, Preflight.usage(10))).isNull();
        }

        @Test
        void thePreflightDoesNotChangeTheReportedUsage() {
            RulesFlag flag = flag("flag_1", false, rule("rule_ent", "plan_entitlement", 0, true,
                    metricCondition("api-calls", "lte", 10L)));

            RulesResult result = RulesEngine.checkFlag(flag, usedFive(), null, Preflight.usage(3));

            assertThat(result.value()).isTrue();
            assertThat(result.featureUsage()).isEqualTo(5L);
        }
    }
}
