package io.quarkiverse.schematic.rules;

import static io.quarkiverse.schematic.rules.DataStreamJson.acme;
import static io.quarkiverse.schematic.rules.DataStreamJson.creditCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.flag;
import static io.quarkiverse.schematic.rules.DataStreamJson.idCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.jane;
import static io.quarkiverse.schematic.rules.DataStreamJson.metric;
import static io.quarkiverse.schematic.rules.DataStreamJson.metricCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.rule;
import static io.quarkiverse.schematic.rules.DataStreamJson.trait;
import static io.quarkiverse.schematic.rules.DataStreamJson.traitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each condition type, operator and comparable type on its own. Every case checks a flag (default false) whose one
 * standard rule (value true) holds the condition, so the answer's value says whether the condition held.
 */
class ConditionsTest {

    private static boolean holds(String condition, RulesCompany company, RulesUser user) {
        return RulesEngine.checkFlag(flag("flag_1", false, rule("rule_1", "standard", 1, true, condition)), company,
                user, null).value();
    }

    private static boolean holds(String condition, RulesCompany company) {
        return holds(condition, company, null);
    }

    /** The company's trait {@code trt_x} of this type against a condition's value (no trait when empty). */
    private static boolean traitHolds(String type, String traitValue, String operator, String conditionValue) {
        RulesCompany company = traitValue.isEmpty() ? acme()
                : acme("traits", "[" + trait("trt_x", type, "company", traitValue) + "]");
        return holds(traitCondition("trt_x", type, "company", operator, conditionValue), company);
    }

    /** Every operator for each comparable type: the company's trait (none when empty) against the condition's value. */
    @ParameterizedTest(name = "{0}: ''{1}'' {2} ''{3}'' is {4}")
    @CsvSource(delimiter = '|', value = {
            "string | b     | eq        | b     | true",
            "string | a     | eq        | b     | false",
            "string | a     | ne        | b     | true",
            "string | b     | ne        | b     | false",
            "string | b     | gt        | a     | true",
            "string | a     | gt        | b     | false",
            "string | ab    | gt        | a     | true",
            "string | a     | lt        | b     | true",
            "string | b     | lt        | a     | false",
            "string | b     | gte       | b     | true",
            "string | a     | gte       | b     | false",
            "string | a     | lte       | a     | true",
            "string | b     | lte       | a     | false",
            "string | ''    | is_empty  | x     | true",
            "string | x     | is_empty  | x     | false",
            "string | x     | not_empty | x     | true",
            "string | ''    | not_empty | x     | false",
            "string | b     | like      | b     | false",
            // lexical, so 10 < 9
            "string | 10    | gt        | 9     | false",
            "int | 10                   | eq        | 10                  | true",
            "int | 10                   | eq        | 11                  | false",
            "int | 10                   | ne        | 11                  | true",
            "int | 11                   | gt        | 10                  | true",
            "int | 10                   | gt        | 10                  | false",
            "int | 9                    | lt        | 10                  | true",
            "int | 10                   | lt        | 9                   | false",
            "int | 10                   | gte       | 10                  | true",
            "int | 9                    | gte       | 10                  | false",
            "int | 10                   | lte       | 10                  | true",
            "int | 11                   | lte       | 10                  | false",
            "int | 0                    | is_empty  | 1                   | true",
            "int | ''                   | is_empty  | 1                   | true",
            "int | 5                    | is_empty  | 1                   | false",
            "int | 5                    | not_empty | 1                   | true",
            "int | -1                   | not_empty | 1                   | false",
            "int | 0                    | not_empty | 1                   | false",
            "int | 5                    | like      | 5                   | false",
            // not a number reads as 0, a sign is allowed, out of range is clamped
            "int | abc                  | eq        | 0                   | true",
            "int | 1.5                  | eq        | 0                   | true",
            "int | +7                   | eq        | 7                   | true",
            "int | -7                   | lt        | 0                   | true",
            "int | 99999999999999999999 | eq        | 9223372036854775807 | true",
            // numeric, so 10 > 9
            "int | 10                   | gt        | 9                   | true",
            "bool | true  | eq        | true  | true",
            "bool | false | eq        | true  | false",
            "bool | true  | ne        | false | true",
            "bool | true  | ne        | true  | false",
            // only the exact text true is true
            "bool | TRUE  | eq        | false | true",
            "bool | yes   | eq        | false | true",
            // ordering does not apply to booleans
            "bool | true  | gt        | false | false",
            "bool | false | lt        | true  | false",
            "bool | true  | gte       | true  | false",
            "bool | true  | lte       | true  | false",
            "bool | ''    | is_empty  | true  | false",
            "bool | ''    | not_empty | true  | true",
            "bool | true  | like      | true  | false",
            "date | 2024-01-15              | eq        | 2024-01-15T00:00:00Z     | true",
            "date | 2024-01-15              | eq        | 2024-01-16               | false",
            "date | 2024-01-15              | ne        | 2024-01-16               | true",
            "date | 2024-01-16              | gt        | 2024-01-15T23:59:59Z     | true",
            "date | 2024-01-15              | gt        | 2024-01-15               | false",
            "date | 2024-01-15              | lt        | 2024-01-15T00:00:01+00:00| true",
            "date | 2024-01-15T01:00:00+02:00 | lt      | 2024-01-15               | true",
            "date | 2024-01-15              | gte       | 2024-01-15               | true",
            "date | 2024-01-14              | gte       | 2024-01-15               | false",
            "date | 2024-01-15              | lte       | 2024-01-15               | true",
            "date | 2024-01-16              | lte       | 2024-01-15               | false",
            "date | ''                      | is_empty  | 2024-01-15               | true",
            "date | not a date              | is_empty  | 2024-01-15               | true",
            "date | 2024-01-15              | is_empty  | 2024-01-15               | false",
            "date | 2024-01-15              | not_empty | 2024-01-15               | true",
            "date | not a date              | not_empty | 2024-01-15               | false",
            "date | 2024-01-15              | like      | 2024-01-15               | false",
            // no date equals no date, is before any date and after none
            "date | garbage                 | eq        | rubbish                  | true",
            "date | 2024-01-15              | gt        | rubbish                  | true",
            "date | garbage                 | gt        | 2024-01-15               | false",
            "date | garbage                 | lt        | 2024-01-15               | true",
            "date | 2024-01-15              | lt        | rubbish                  | false",
            "date | garbage                 | gte       | rubbish                  | true",
            "date | garbage                 | lte       | 2024-01-15               | true",
    })
    void traitComparisons(String type, String trait, String operator, String value, boolean expected) {
        assertThat(traitHolds(type, trait, operator, value)).isEqualTo(expected);
    }

    /** Go compares UTF-8 bytes, which is code point order; UTF-16 order differs above U+FFFF. */
    @Test
    void stringsCompareByCodePoint() {
        assertThat(traitHolds("string", "\uFFFF", "lt", "\uD83D\uDE00")).isTrue();
        assertThat(traitHolds("string", "\uD83D\uDE00", "gt", "\uFFFF")).isTrue();
    }

    @Test
    void anUnknownComparableTypeNeverHolds() {
        assertThat(traitHolds("float", "1", "eq", "1")).isFalse();
        assertThat(traitHolds("float", "", "is_empty", "")).isFalse();
    }

    /** The company trait's own definition says how to compare; the condition's only when the company lacks it. */
    @Test
    void theTraitsComparableTypeWins() {
        RulesCompany company = acme("traits", "[" + trait("trt_x", "int", "company", "10") + "]");

        assertThat(holds(traitCondition("trt_x", "string", "company", "gt", "9"), company)).isTrue();
        assertThat(holds(traitCondition("trt_x", "int", "company", "lt", "9"), acme())).isTrue();
    }

    @Test
    void aComparisonTraitReplacesTheConditionsValue() {
        String condition = """
                {"id": "cond_cmp", "condition_type": "trait", "operator": "lte", "trait_value": "1",
                 "trait_definition": {"id": "trt_used", "comparable_type": "int", "entity_type": "company"},
                 "comparison_trait_definition": {"id": "trt_limit", "comparable_type": "int", "entity_type": "company"}}
                """;
        RulesCompany withLimit = acme("traits", "[" + trait("trt_used", "int", "company", "7") + ","
                + trait("trt_limit", "int", "company", "8") + "]");
        RulesCompany withoutLimit = acme("traits", "[" + trait("trt_used", "int", "company", "0") + "]");
        RulesCompany withoutLimitUsed = acme("traits", "[" + trait("trt_used", "int", "company", "7") + "]");

        assertThat(holds(condition, withLimit)).isTrue();
        // a comparison trait the company lacks compares as empty (0), not as trait_value (1)
        assertThat(holds(condition, withoutLimit)).isTrue();
        assertThat(holds(condition, withoutLimitUsed)).isFalse();
    }

    @Test
    void aTraitConditionReadsTheEntityOfItsDefinition() {
        String userCondition = traitCondition("trt_role", "string", "user", "eq", "admin");
        RulesUser admin = jane("traits", "[" + trait("trt_role", "string", "user", "admin") + "]");
        RulesCompany companyWithRole = acme("traits", "[" + trait("trt_role", "string", "user", "admin") + "]");

        assertThat(holds(userCondition, null, admin)).isTrue();
        assertThat(holds(userCondition, companyWithRole, null)).isFalse();
        assertThat(holds(traitCondition("trt_role", "string", "account", "eq", "admin"), companyWithRole, admin))
                .isFalse();
        assertThat(holds("{\"condition_type\": \"trait\", \"operator\": \"is_empty\"}", acme(), admin)).isFalse();
    }

    @ParameterizedTest(name = "metric 5 {0} {1} is {2}")
    @CsvSource({
            "eq, 5, true", "eq, 4, false", "ne, 4, true", "ne, 5, false", "gt, 4, true", "gt, 5, false",
            "lt, 6, true", "lt, 5, false", "gte, 5, true", "gte, 6, false", "lte, 5, true", "lte, 4, false",
            "is_empty, 0, false", "not_empty, 0, true", "like, 5, false" })
    void metrics(String operator, long limit, boolean expected) {
        RulesCompany company = acme("metrics", "[" + metric("api-calls", "all_time", 5) + "]");

        assertThat(holds(metricCondition("api-calls", operator, limit), company)).isEqualTo(expected);
    }

    @Test
    void aMetricTheCompanyDoesNotHaveIsZero() {
        assertThat(holds(metricCondition("api-calls", "is_empty", 10L), acme())).isTrue();
        assertThat(holds(metricCondition("api-calls", "lt", 1L), acme())).isTrue();
    }

    /**
     * The metric of a condition has its subtype, period (all time when absent) and month reset (first of month when
     * absent); a company metric with another period or reset does not count.
     */
    @Test
    void aMetricIsFoundBySubtypePeriodAndReset() {
        RulesCompany company = acme("metrics", """
                [{"event_subtype": "api-calls", "period": "current_month", "month_reset": "billing_cycle",
                  "value": 50},
                 {"event_subtype": "api-calls", "period": "all_time", "month_reset": "first_of_month", "value": 7},
                 {"event_subtype": "api-calls", "period": "current_day", "value": 3}]
                """);
        String billingMonth = """
                {"id": "c", "condition_type": "metric", "operator": "eq", "event_subtype": "api-calls",
                 "metric_value": 50, "metric_period": "current_month", "metric_period_month_reset": "billing_cycle"}
                """;
        String calendarMonth = """
                {"id": "c", "condition_type": "metric", "operator": "eq", "event_subtype": "api-calls",
                 "metric_value": 0, "metric_period": "current_month"}
                """;
        String noPeriod = """
                {"id": "c", "condition_type": "metric", "operator": "eq", "event_subtype": "api-calls",
                 "metric_value": 7}
                """;
        String dayWithoutReset = """
                {"id": "c", "condition_type": "metric", "operator": "eq", "event_subtype": "api-calls",
                 "metric_value": 0, "metric_period": "current_day"}
                """;

        assertThat(holds(billingMonth, company)).isTrue();
        assertThat(holds(calendarMonth, company)).isTrue();
        assertThat(holds(noPeriod, company)).isTrue();
        // the company metric has no month reset, the condition looks for first_of_month: not found, so 0
        assertThat(holds(dayWithoutReset, company)).isTrue();
    }

    @Test
    void aComparisonTraitReplacesTheMetricsLimit() {
        String condition = """
                {"id": "c", "condition_type": "metric", "operator": "lte", "event_subtype": "api-calls",
                 "metric_value": 1,
                 "comparison_trait_definition": {"id": "trt_limit", "comparable_type": "int", "entity_type": "company"}}
                """;
        String used15 = "[" + metric("api-calls", "all_time", 15) + "]";

        assertThat(holds(condition, acme("metrics", used15, "traits",
                "[" + trait("trt_limit", "int", "company", "20") + "]"))).isTrue();
        // without the trait the limit is 0
        assertThat(holds(condition, acme("metrics", used15))).isFalse();
        assertThat(holds(condition, acme())).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource({
            "company, eq, comp_acme, true", "company, eq, comp_other, false",
            "company, ne, comp_other, true", "company, ne, comp_acme, false",
            "user, eq, user_jane, true", "user, eq, user_joe, false",
            "user, ne, user_joe, true", "user, ne, user_jane, false",
            "plan, eq, plan_addon, true", "plan, eq, plan_free, false",
            "plan, ne, plan_free, true", "plan, ne, plan_pro, false",
            "plan_version, eq, plnv_pro_2, true", "plan_version, ne, plnv_pro_2, false",
            "billing_product, eq, bilp_addon, true", "billing_product, eq, bilp_free, false",
            "billing_product, ne, bilp_free, true", "billing_product, ne, bilp_pro, false",
            "base_plan, eq, plan_pro, true", "base_plan, eq, plan_addon, false",
            "base_plan, ne, plan_addon, true", "base_plan, ne, plan_pro, false",
            "base_plan, is_empty, plan_pro, false", "base_plan, not_empty, plan_pro, true",
            "base_plan, gt, plan_pro, false",
            // other operators read as "is one of" for the id lists
            "company, gt, comp_acme, true", "plan, is_empty, plan_pro, true",
            "geography, eq, comp_acme, false" })
    void idConditions(String type, String operator, String id, boolean expected) {
        assertThat(holds(idCondition(type, operator, id), acme(), jane())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "base plan absent: {0} is {1}")
    @CsvSource({ "eq, false", "ne, true", "is_empty, true", "not_empty, false" })
    void aCompanyWithoutBasePlan(String operator, boolean expected) {
        assertThat(holds(idCondition("base_plan", operator, "plan_pro"), acme("base_plan_id", "null")))
                .isEqualTo(expected);
    }

    @Test
    void idConditionsNeedTheirEntity() {
        for (String type : new String[] { "company", "plan", "plan_version", "billing_product", "base_plan" }) {
            assertThat(holds(idCondition(type, "ne", "x"), null, jane())).as(type).isFalse();
        }
        assertThat(holds(idCondition("user", "ne", "x"), acme(), null)).isFalse();
    }

    @Test
    void aBalanceEqualToTheRateIsEnough() {
        assertThat(holds(creditCondition("credit_ai", 2.5, null), acme("credit_balances", "{\"credit_ai\": 2.5}")))
                .isTrue();
        assertThat(holds(creditCondition("credit_ai", 2.5, null), null)).isFalse();
    }
}
