package io.quarkiverse.schematic.rules;

import static io.quarkiverse.schematic.rules.DataStreamJson.acme;
import static io.quarkiverse.schematic.rules.DataStreamJson.flag;
import static io.quarkiverse.schematic.rules.DataStreamJson.metric;
import static io.quarkiverse.schematic.rules.DataStreamJson.metricCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Usage updates of a company: copy-on-write, so checks running at the same time see the old or the new company and
 * never a mix. Restates the reference engine's {@code company_test.go} (its {@code AddMetric} is
 * {@link RulesCompany#withMetric}) and the SDKs' metric increment after {@code track}.
 */
class RulesCompanyUpdateTest {

    private static RulesCompanyMetric metricOf(String subtype, String period, long value) {
        return DataStreamJson.MAPPER.convertValue(
                DataStreamJson.company(DataStreamJson.with(DataStreamJson.ACME, "metrics",
                        "[" + metric(subtype, period, value) + "]")).metrics().get(0),
                RulesCompanyMetric.class);
    }

    @Test
    void aNewMetricIsAdded() {
        RulesCompany company = acme();
        RulesCompanyMetric metric = metricOf("test-event", "all_time", 5);

        RulesCompany updated = company.withMetric(metric);

        assertThat(updated.metrics()).containsExactly(metric);
        assertThat(company.metrics()).isEmpty();
        assertThat(updated.metricValue(MetricKey.lookingFor("test-event", null, null))).isEqualTo(5);
    }

    @Test
    void aMetricReplacesTheOneWithTheSameSubtypePeriodAndReset() {
        RulesCompanyMetric first = metricOf("test-event", "all_time", 5);
        RulesCompanyMetric second = metricOf("test-event", "all_time", 10);
        RulesCompanyMetric daily = metricOf("test-event", "current_day", 1);

        RulesCompany updated = acme().withMetric(first).withMetric(daily).withMetric(second);

        assertThat(updated.metrics()).containsExactly(second, daily);
        assertThat(updated.metricValue(MetricKey.lookingFor("test-event", "all_time", "first_of_month")))
                .isEqualTo(10);
    }

    /** The reference's concurrency case: every writer's metric survives, through an atomic swap of the company. */
    @Test
    void concurrentUpdatesAllSurvive() throws Exception {
        AtomicReference<RulesCompany> holder = new AtomicReference<>(acme());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RulesCompanyMetric metric = metricOf("test-event-" + i, "all_time", i);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                holder.updateAndGet(company -> company.withMetric(metric));
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(holder.get().metrics()).hasSize(10);
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> acme().withMetric(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metric must not be null");
        assertThatThrownBy(() -> acme().withMetricIncremented(null, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eventSubtype must not be null");
    }

    @Test
    void aCompanyWithoutMetricsTakesOne() {
        RulesCompany bare = DataStreamJson.company("{\"id\": \"comp_bare\"}");

        assertThat(bare.withMetric(metricOf("foo", "all_time", 1)).metrics()).hasSize(1);
    }

    /** After {@code track}: every metric of the event's subtype goes up, whatever its period; others stay. */
    @Test
    void anIncrementRaisesEveryMetricOfTheSubtype() {
        RulesCompany company = acme("metrics", "[" + metric("api-calls", "all_time", 100) + ","
                + metric("api-calls", "current_month", 9) + "," + metric("exports", "all_time", 3) + "]");

        RulesCompany updated = company.withMetricIncremented("api-calls", 2);

        assertThat(updated.metrics()).extracting(RulesCompanyMetric::value).containsExactly(102L, 11L, 3L);
        assertThat(company.metrics()).extracting(RulesCompanyMetric::value).containsExactly(100L, 9L, 3L);
        assertThat(updated.metrics().get(0).createdAt()).isEqualTo(company.metrics().get(0).createdAt());
        assertThat(company.withMetricIncremented("unknown-event", 2)).isSameAs(company);
    }

    /** The point of the increment: a usage limit reacts before DataStream sends the next company. */
    @Test
    void anIncrementReachesTheLimitAtOnce() {
        RulesFlag flag = flag("flag_1", false,
                rule("rule_ent", "plan_entitlement", 0, true, metricCondition("api-calls", "lt", 10L)));
        RulesCompany company = acme("metrics", "[" + metric("api-calls", "all_time", 9) + "]");

        assertThat(RulesEngine.checkFlag(flag, company, null, null).value()).isTrue();
        assertThat(RulesEngine.checkFlag(flag, company.withMetricIncremented("api-calls", 1), null, null).value())
                .isFalse();
    }

    /** Entitlements metered by a changed metric report its new value, as a fresh company from the server would. */
    @Test
    void meteredEntitlementsFollowTheirMetric() {
        RulesCompany company = acme("metrics", "[" + metric("api-calls", "all_time", 9) + "]", "entitlements", """
                [{"feature_id": "feat_api", "feature_key": "api", "value_type": "numeric", "allocation": 10,
                  "usage": 9, "event_name": "api-calls"},
                 {"feature_id": "feat_monthly", "feature_key": "monthly", "value_type": "numeric", "usage": 1,
                  "event_name": "api-calls", "metric_period": "current_month"},
                 {"feature_id": "feat_seats", "feature_key": "seats", "value_type": "trait", "usage": 4}]
                """);

        RulesCompany updated = company.withMetricIncremented("api-calls", 1);

        assertThat(updated.entitlements()).extracting(RulesEntitlement::usage).containsExactly(10L, 1L, 4L);
        assertThat(updated.entitlementFor("api").usage()).isEqualTo(10L);
        assertThat(updated.entitlementFor("api").remaining()).hasValue(0);
        assertThat(updated.entitlements().get(2)).isSameAs(company.entitlements().get(2));
        assertThat(company.entitlementFor("api").usage()).isEqualTo(9L);
    }
}
