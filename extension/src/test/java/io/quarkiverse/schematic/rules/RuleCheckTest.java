package io.quarkiverse.schematic.rules;

import static io.quarkiverse.schematic.rules.DataStreamJson.acme;
import static io.quarkiverse.schematic.rules.DataStreamJson.creditCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.flag;
import static io.quarkiverse.schematic.rules.DataStreamJson.groupRule;
import static io.quarkiverse.schematic.rules.DataStreamJson.idCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.metric;
import static io.quarkiverse.schematic.rules.DataStreamJson.metricCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.rule;
import static io.quarkiverse.schematic.rules.DataStreamJson.trait;
import static io.quarkiverse.schematic.rules.DataStreamJson.traitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The cases of the reference engine's rule-check tests ({@code rulecheck_test.go}), restated: each builds one rule
 * (value true) in a flag whose default is false, so "the rule matched" is "the answer came from it".
 */
class RuleCheckTest {

    private static final String ACME_ID = "comp_acme";

    private static boolean matches(String rule, RulesCompany company) {
        return "rule_1".equals(RulesEngine.checkFlag(flag("flag_1", false, rule), company, null, null).ruleId());
    }

    /** The reference checks a nil rule as "no match"; a null entry in a flag's rules is simply never visited. */
    @Test
    void aNullRuleIsSkipped() {
        RulesFlag flag = DataStreamJson.flag("""
                {"id": "flag_1", "key": "k", "default_value": false, "rules": [null, %s]}
                """.formatted(rule("rule_1", "standard", 1, true)));

        assertThat(flag.rules()).hasSize(1);
        assertThat(RulesEngine.checkFlag(flag, acme(), null, null).ruleId()).isEqualTo("rule_1");
    }

    @Test
    void defaultRulesAlwaysMatch() {
        assertThat(matches(rule("rule_1", "default", 1, true), acme())).isTrue();
    }

    @Test
    void globalOverridesAlwaysMatchEvenWithConditionsThatDoNot() {
        assertThat(matches(rule("rule_1", "global_override", 1, true, idCondition("company", "eq", "comp_other")),
                acme())).isTrue();
    }

    @Test
    void aRuleMatchesTheCompanyItTargets() {
        assertThat(matches(rule("rule_1", "standard", 1, true, idCondition("company", "eq", ACME_ID)), acme()))
                .isTrue();
    }

    @Test
    void aMetricWithinItsLimitMatches() {
        RulesCompany company = acme("metrics", "[" + metric("test-event", "all_time", 5) + "]");

        assertThat(matches(rule("rule_1", "standard", 1, true, metricCondition("test-event", "lte", 10L)), company))
                .isTrue();
    }

    @Test
    void aMetricAboveItsLimitDoesNotMatch() {
        RulesCompany company = acme("metrics", "[" + metric("test-event", "all_time", 6) + "]");

        assertThat(matches(rule("rule_1", "standard", 1, true, metricCondition("test-event", "lte", 5L)), company))
                .isFalse();
    }

    @Test
    void aTraitEqualToTheConditionsValueMatches() {
        RulesCompany company = acme("traits", "[" + trait("trt_1", "int", "company", "test-value") + "]");

        assertThat(matches(rule("rule_1", "standard", 1, true,
                traitCondition("trt_1", "int", "company", "eq", "test-value")), company)).isTrue();
    }

    @Test
    void aGroupMatchesWhenOneOfItsConditionsDoes() {
        assertThat(matches(groupRule("rule_1", "standard", true, idCondition("company", "eq"),
                idCondition("company", "eq", ACME_ID)), acme())).isTrue();
    }

    @Test
    void aGroupDoesNotMatchWhenNoneOfItsConditionsDoes() {
        assertThat(matches(groupRule("rule_1", "standard", true, idCondition("company", "eq"),
                idCondition("company", "eq")), acme())).isFalse();
    }

    @Test
    void aBalanceAboveTheConsumptionRateMatches() {
        RulesCompany company = acme("credit_balances", "{\"test-credit-id\": 100.0}");

        assertThat(matches(rule("rule_1", "standard", 1, true, creditCondition("test-credit-id", 50.0, null)),
                company)).isTrue();
    }

    @Test
    void aBalanceBelowTheConsumptionRateDoesNotMatch() {
        RulesCompany company = acme("credit_balances", "{\"test-credit-id\": 10.0}");

        assertThat(matches(rule("rule_1", "standard", 1, true, creditCondition("test-credit-id", 50.0, null)),
                company)).isFalse();
    }

    @Test
    void aCreditTheCompanyHasNoBalanceOfDoesNotMatch() {
        RulesCompany company = acme("credit_balances", "{\"other-credit-id\": 100.0}");

        assertThat(matches(rule("rule_1", "standard", 1, true, creditCondition("test-credit-id", 50.0, null)),
                company)).isFalse();
    }

    @Test
    void theConsumptionRateIsOneByDefault() {
        RulesCompany company = acme("credit_balances", "{\"test-credit-id\": 1.0}");

        assertThat(matches(rule("rule_1", "standard", 1, true, creditCondition("test-credit-id", null, null)),
                company)).isTrue();
        assertThat(matches(rule("rule_1", "standard", 1, true, creditCondition("test-credit-id", null, null)),
                acme("credit_balances", "{\"test-credit-id\": 0.5}"))).isFalse();
    }

    @Test
    void aMixedGroupMatchesThroughItsCreditCondition() {
        RulesCompany company = acme("credit_balances", "{\"test-credit-id\": 200.0}", "traits",
                "[" + trait("trt_1", "int", "company", "test-value") + "]");

        assertThat(matches(groupRule("rule_1", "standard", true, creditCondition("test-credit-id", 150.0, null),
                idCondition("company", "eq", "different-company-id"),
                traitCondition("trt_1", "int", "company", "eq", "test-value")), company)).isTrue();
    }

    @Test
    void aDefaultRuleMatchesWhateverItsGroupsSay() {
        RulesCompany company = acme("credit_balances", "{\"test-credit-id-1\": 5.0, \"test-credit-id-2\": 100.0}");

        assertThat(matches(groupRule("rule_1", "default", true, creditCondition("test-credit-id-1", 10.0, null)),
                company)).isTrue();
    }

    @Test
    void aCompanyConditionNeverMatchesWithoutACompany() {
        assertThat(matches(rule("rule_1", "standard", 1, true, idCondition("company", "eq", "any-company-id")),
                null)).isFalse();
    }

    @Test
    void aCreditConditionWithoutCreditIdNeverMatches() {
        RulesCompany company = acme("credit_balances", "{\"some-credit-id\": 100.0}");
        String noCreditId = "{\"id\": \"cond_credit\", \"condition_type\": \"credit\", \"operator\": \"gte\"}";

        assertThat(matches(rule("rule_1", "standard", 1, true, noCreditId), company)).isFalse();
    }

    @Test
    void aPlanVersionOfTheCompanyMatches() {
        assertThat(matches(rule("rule_1", "standard", 1, true, idCondition("plan_version", "eq", "plnv_addon_1")),
                acme())).isTrue();
    }

    @Test
    void aPlanVersionTheCompanyDoesNotHaveDoesNotMatch() {
        assertThat(matches(rule("rule_1", "standard", 1, true,
                idCondition("plan_version", "eq", "non-matching-version-id")), acme())).isFalse();
    }

    /** The reference engine never matches a rule holding a nil condition or group (unless it always matches). */
    @Test
    void aNullConditionOrGroupNeverMatches() {
        String nullCondition = """
                {"id": "rule_1", "rule_type": "standard", "value": true, "conditions": [null]}""";
        String nullGroup = """
                {"id": "rule_1", "rule_type": "standard", "value": true, "condition_groups": [null]}""";
        String nullInGroup = groupRule("rule_1", "standard", true, "null", idCondition("company", "eq", ACME_ID));

        assertThat(matches(nullCondition, acme())).isFalse();
        assertThat(matches(nullGroup, acme())).isFalse();
        assertThat(matches(nullInGroup, acme())).isTrue();
        assertThat(matches("""
                {"id": "rule_1", "rule_type": "global_override", "value": true, "conditions": [null]}""", acme()))
                .isTrue();
    }
}
