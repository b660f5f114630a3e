package io.quarkiverse.schematic.rules;

import static io.quarkiverse.schematic.rules.DataStreamJson.acme;
import static io.quarkiverse.schematic.rules.DataStreamJson.flag;
import static io.quarkiverse.schematic.rules.DataStreamJson.metric;
import static io.quarkiverse.schematic.rules.DataStreamJson.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.schematic.MetricPeriod;

/**
 * When usage resets: the next-period cases of the reference engine's {@code metrics_test.go}, restated at fixed
 * instants instead of "now", so that month ends, Sundays and year ends are covered on every run.
 */
class MetricPeriodsTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static RulesSubscription subscription(String start, String end) {
        return DataStreamJson.MAPPER.convertValue(
                Map.of("id", "bilsub_1", "period_start", start, "period_end", end),
                RulesSubscription.class);
    }

    @ParameterizedTest(name = "{0} at {1} resets at {2}")
    @CsvSource({
            "current_day, 2025-03-12T15:30:00Z, 2025-03-13T00:00:00Z",
            "current_day, 2025-12-31T23:59:59Z, 2026-01-01T00:00:00Z",
            // Wednesday, Saturday, Sunday: the next Sunday, never today
            "current_week, 2025-03-12T15:30:00Z, 2025-03-16T00:00:00Z",
            "current_week, 2025-03-15T23:59:59Z, 2025-03-16T00:00:00Z",
            "current_week, 2025-03-16T00:00:00Z, 2025-03-23T00:00:00Z",
            "current_month, 2025-03-12T15:30:00Z, 2025-04-01T00:00:00Z",
            "current_month, 2025-12-31T23:59:59Z, 2026-01-01T00:00:00Z",
            "current_month, 2024-02-29T12:00:00Z, 2024-03-01T00:00:00Z" })
    void calendarPeriodsResetAtTheNextStart(String period, String now, String expected) {
        assertThat(MetricPeriods.nextCalendarReset(period, at(now))).isEqualTo(at(expected));
    }

    @Test
    void allTimeAndUnknownPeriodsNeverReset() {
        assertThat(MetricPeriods.nextCalendarReset("all_time", at("2025-03-12T15:30:00Z"))).isNull();
        assertThat(MetricPeriods.nextCalendarReset("current_quarter", at("2025-03-12T15:30:00Z"))).isNull();
    }

    @Test
    void withoutSubscriptionABillingCycleResetsOnTheFirst() {
        assertThat(MetricPeriods.nextBillingReset(null, at("2025-03-12T15:30:00Z")))
                .isEqualTo(at("2025-04-01T00:00:00Z"));
    }

    @Test
    void aSubscriptionStartingBeforeNextMonthResetsWhenItStarts() {
        RulesSubscription startsIn7Days = subscription("2025-03-19T15:30:00Z", "2026-03-19T15:30:00Z");

        assertThat(MetricPeriods.nextBillingReset(startsIn7Days, at("2025-03-12T15:30:00Z")))
                .isEqualTo(at("2025-03-19T15:30:00Z"));
    }

    @Test
    void aSubscriptionStartingAfterNextMonthResetsOnTheFirst() {
        RulesSubscription startsIn7Days = subscription("2025-04-02T15:30:00Z", "2026-04-02T15:30:00Z");

        assertThat(MetricPeriods.nextBillingReset(startsIn7Days, at("2025-03-26T15:30:00Z")))
                .isEqualTo(at("2025-04-01T00:00:00Z"));
    }

    @Test
    void aResetAfterThePeriodEndIsThePeriodEnd() {
        RulesSubscription endsIn10Days = subscription("2024-09-12T15:30:00Z", "2025-03-22T15:30:00Z");

        assertThat(MetricPeriods.nextBillingReset(endsIn10Days, at("2025-03-12T15:30:00Z")))
                .isEqualTo(at("2025-03-22T15:30:00Z"));
    }

    @ParameterizedTest(name = "started {0}, now {1}: resets {2}")
    @CsvSource({
            // this month's reset day has passed: next month, same day and time
            "2024-03-07T12:00:00Z, 2025-03-12T15:30:00Z, 2025-04-07T12:00:00Z",
            "2024-12-07T12:00:00Z, 2025-12-12T15:30:00Z, 2026-01-07T12:00:00Z",
            // not yet: this month
            "2024-03-15T00:00:00Z, 2025-03-12T15:30:00Z, 2025-03-15T00:00:00Z",
            // exactly now counts as passed
            "2024-03-12T15:30:00Z, 2025-03-12T15:30:00Z, 2025-04-12T15:30:00Z",
            // Go's date arithmetic: the 31st of February is March 3rd
            "2024-01-31T00:00:00Z, 2025-02-10T00:00:00Z, 2025-03-03T00:00:00Z",
            "2024-01-31T00:00:00Z, 2025-03-05T00:00:00Z, 2025-03-31T00:00:00Z",
            // day and time are read in the offset the start was sent in
            "2024-01-05T23:00:00-05:00, 2025-03-05T12:00:00Z, 2025-03-05T23:00:00Z" })
    void aBillingCycleResetsMonthlyOnTheDayOfItsStart(String start, String now, String expected) {
        RulesSubscription subscription = subscription(start, "2030-01-01T00:00:00Z");

        assertThat(MetricPeriods.nextBillingReset(subscription, at(now))).isEqualTo(at(expected));
    }

    private static RulesCondition metricCondition(String period, String reset) {
        return DataStreamJson.MAPPER.convertValue(Map.of("id", "c", "condition_type", "metric",
                "event_subtype", "api-calls", "metric_value", 10,
                "metric_period", period == null ? "" : period,
                "metric_period_month_reset", reset == null ? "" : reset), RulesCondition.class);
    }

    @Test
    void aConditionWithoutPeriodNeverResets() {
        RulesCondition noPeriod = DataStreamJson.MAPPER.convertValue(
                Map.of("id", "c", "condition_type", "metric", "event_subtype", "api-calls"),
                RulesCondition.class);

        assertThat(MetricPeriods.nextReset(noPeriod, acme(), at("2025-03-12T15:30:00Z"))).isNull();
        assertThat(MetricPeriods.nextReset(metricCondition("all_time", null), acme(), at("2025-03-12T15:30:00Z")))
                .isNull();
    }

    @Test
    void aMonthlyBillingCycleConditionFollowsTheSubscription() {
        // ACME's subscription started 2025-01-01T00:00:00Z and ends 2026-01-01
        assertThat(MetricPeriods.nextReset(metricCondition("current_month", "billing_cycle"), acme(),
                at("2025-03-12T15:30:00Z"))).isEqualTo(at("2025-04-01T00:00:00Z"));
        assertThat(MetricPeriods.nextReset(metricCondition("current_month", "billing_cycle"),
                acme("subscription", "{\"period_start\": \"2025-01-20T08:00:00Z\","
                        + " \"period_end\": \"2026-01-20T08:00:00Z\"}"),
                at("2025-03-12T15:30:00Z"))).isEqualTo(at("2025-03-20T08:00:00Z"));
    }

    @Test
    void otherConditionsFollowTheCalendar() {
        assertThat(MetricPeriods.nextReset(metricCondition("current_day", "first_of_month"), null,
                at("2025-03-12T15:30:00Z"))).isEqualTo(at("2025-03-13T00:00:00Z"));
        assertThat(MetricPeriods.nextReset(metricCondition("current_month", "first_of_month"),
                acme("subscription", "{\"period_start\": \"2025-01-20T08:00:00Z\"}"),
                at("2025-03-12T15:30:00Z"))).isEqualTo(at("2025-04-01T00:00:00Z"));
    }

    /** The answer of an entitlement rule carries the period and reset time of its metric, at the clock's time. */
    @Test
    void anEntitlementAnswerCarriesThePeriodAndResetTime() {
        RulesFlag flag = flag("flag_1", false, rule("rule_ent", "plan_entitlement", 0, true, """
                {"id": "cond_m", "condition_type": "metric", "operator": "lt", "event_subtype": "api-calls",
                 "metric_value": 100, "metric_period": "current_month", "metric_period_month_reset": "billing_cycle"}
                """));
        RulesCompany company = acme("subscription", "{\"period_start\": \"2025-01-20T08:00:00Z\","
                + " \"period_end\": \"2026-01-20T08:00:00Z\"}", "metrics", "[" + """
                        {"event_subtype": "api-calls", "period": "current_month", "month_reset": "billing_cycle",
                         "value": 42}""" + "," + metric("api-calls", "all_time", 1000) + "]");
        Clock clock = Clock.fixed(at("2025-03-25T00:00:00Z"), ZoneOffset.UTC);

        RulesResult result = RulesEngine.checkFlag(flag, company, null, null, clock);

        assertThat(result.value()).isTrue();
        assertThat(result.featureUsage()).isEqualTo(42L);
        assertThat(result.featureAllocation()).isEqualTo(100L);
        assertThat(result.featureUsageEvent()).isEqualTo("api-calls");
        assertThat(result.featureUsagePeriod()).isEqualTo(MetricPeriod.CURRENT_MONTH);
        assertThat(result.featureUsageResetAt()).isEqualTo(at("2025-04-20T08:00:00Z"));
    }
}
