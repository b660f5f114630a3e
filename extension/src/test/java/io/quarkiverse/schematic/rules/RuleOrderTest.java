package io.quarkiverse.schematic.rules;

import static io.quarkiverse.schematic.rules.DataStreamJson.acme;
import static io.quarkiverse.schematic.rules.DataStreamJson.flag;
import static io.quarkiverse.schematic.rules.DataStreamJson.idCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.jane;
import static io.quarkiverse.schematic.rules.DataStreamJson.ownRule;
import static io.quarkiverse.schematic.rules.DataStreamJson.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.schematic.RuleType;

/**
 * The visit order of rules: the cases of the reference engine's grouping tests ({@code utils_test.go}), restated,
 * and the order inside each type as seen through the answers.
 */
class RuleOrderTest {

    private static String[] visitOrder(RulesFlag flag) {
        return Arrays.stream(flag.orderedRules).map(RulesRule::id).toArray(String[]::new);
    }

    @Test
    void aFlagWithoutRulesVisitsNothing() {
        assertThat(flag("flag_1", false).orderedRules).isEmpty();
    }

    @Test
    void companyOverridesComeBeforePlanEntitlements() {
        RulesFlag flag = flag("flag_1", false, rule("rule_foo", "plan_entitlement", 0, false),
                rule("rule_bar", "company_override", 0, false));

        assertThat(visitOrder(flag)).containsExactly("rule_bar", "rule_foo");
    }

    @Test
    void typesAreVisitedInTheReferenceOrderAndUnknownTypesNever() {
        RulesFlag flag = flag("flag_1", false, rule("r_default", "default", 0, true),
                rule("r_standard", "standard", 0, true), rule("r_future", "percentage_rollout", 0, true),
                rule("r_plan_exceeded", "plan_entitlement_usage_exceeded", 0, true),
                rule("r_company_exceeded", "company_override_usage_exceeded", 0, true),
                rule("r_plan", "plan_entitlement", 0, true), rule("r_company", "company_override", 0, true),
                rule("r_global", "global_override", 0, true),
                "{\"id\": \"r_untyped\", \"value\": true}");

        assertThat(visitOrder(flag)).containsExactly("r_global", "r_company", "r_plan", "r_company_exceeded",
                "r_plan_exceeded", "r_standard", "r_default");
        assertThat(flag.rules()).hasSize(9);
        assertThat(flag.rules().get(2).type()).isEqualTo(RuleType.UNKNOWN);
        assertThat(flag.rules().get(8).type()).isNull();
    }

    /** The reference's merge of flag, company and user rules: one order for all, standard rules by priority. */
    @Test
    void companyAndUserRulesJoinTheFlagsOrder() {
        RulesFlag flag = flag("flag_1", false,
                rule("flag_rule_1", "standard", 2, true, idCondition("company", "eq", "comp_acme")));
        RulesCompany company = acme("rules", "[" + ownRule("company_rule_1", "flag_1", "company_override", 0, false,
                idCondition("company", "eq", "comp_other")) + "]");
        RulesUser user = jane("rules", "[" + ownRule("user_rule_1", "flag_1", "standard", 1, false,
                idCondition("user", "eq", "user_joe")) + "]");

        // the company override and the user's priority-1 rule are visited first but do not match
        assertThat(RulesEngine.checkFlag(flag, company, user, null).ruleId()).isEqualTo("flag_rule_1");
        assertThat(company.rulesFor("flag_1")).extracting(RulesRule::id).containsExactly("company_rule_1");
        assertThat(company.rulesFor("flag_other")).isEmpty();
    }

    @Test
    void withoutCompanyAndUserRulesOnlyTheFlagsRulesAreVisited() {
        RulesFlag flag = flag("flag_1", false, rule("flag_rule_1", "standard", 0, true));

        assertThat(RulesEngine.checkFlag(flag, acme(), jane(), null).ruleId()).isEqualTo("flag_rule_1");
    }

    /** Inside the override and entitlement types, a rule that turns the flag on is tried before one that turns it off. */
    @ParameterizedTest
    @ValueSource(strings = { "company_override", "plan_entitlement", "company_override_usage_exceeded",
            "plan_entitlement_usage_exceeded" })
    void overridesAndEntitlementsAreOptimistic(String type) {
        RulesFlag flag = flag("flag_1", false, rule("rule_off", type, 0, false), rule("rule_on", type, 5, true));

        RulesResult result = RulesEngine.checkFlag(flag, acme(), null, null);

        assertThat(result.ruleId()).isEqualTo("rule_on");
        assertThat(result.value()).isTrue();
        assertThat(result.reason()).isEqualTo("Matched " + type.replace('_', ' ') + " rule \"Rule rule_on\" (rule_on)");
    }

    @Test
    void optimismAppliesAcrossFlagAndCompanyRules() {
        RulesFlag flag = flag("flag_1", false, rule("rule_flag_off", "company_override", 0, false));
        RulesCompany company = acme("rules", "[" + ownRule("rule_co_on", "flag_1", "company_override", 0, true)
                + "]");

        assertThat(RulesEngine.checkFlag(flag, company, null, null).ruleId()).isEqualTo("rule_co_on");
    }

    @Test
    void globalOverridesAndDefaultsKeepTheirOrder() {
        RulesFlag globals = flag("flag_1", false, rule("rule_g_off", "global_override", 0, false),
                rule("rule_g_on", "global_override", 0, true));
        RulesFlag defaults = flag("flag_1", false, rule("rule_d_off", "default", 9, false),
                rule("rule_d_on", "default", 0, true));

        assertThat(RulesEngine.checkFlag(globals, null, null, null).ruleId()).isEqualTo("rule_g_off");
        assertThat(RulesEngine.checkFlag(defaults, null, null, null).ruleId()).isEqualTo("rule_d_off");
    }

    /** Equal priorities keep their order: the flag's rule, then the company's, then the user's. */
    @Test
    void tiesKeepTheOrderOfTheirSources() {
        RulesFlag flag = flag("flag_1", false, rule("rule_flag", "standard", 1, true));
        RulesCompany company = acme("rules", "[" + ownRule("rule_co", "flag_1", "standard", 1, true) + "]");
        RulesUser user = jane("rules", "[" + ownRule("rule_u", "flag_1", "standard", 1, true) + "]");

        assertThat(RulesEngine.checkFlag(flag, company, user, null).ruleId()).isEqualTo("rule_flag");
        assertThat(RulesEngine.checkFlag(flag("flag_1", false), company, user, null).ruleId()).isEqualTo("rule_co");
        assertThat(visitOrder(flag("flag_1", false, rule("b", "standard", 1, true), rule("a", "standard", 1, true),
                rule("c", "standard", 0, true)))).containsExactly("c", "b", "a");
    }

    @Test
    void negativeAndLargePrioritiesSortNumerically() {
        RulesFlag flag = flag("flag_1", false, rule("big", "standard", Long.MAX_VALUE, true),
                rule("negative", "standard", -5, true), rule("zero", "standard", 0, true));

        assertThat(visitOrder(flag)).containsExactly("negative", "zero", "big");
    }
}
