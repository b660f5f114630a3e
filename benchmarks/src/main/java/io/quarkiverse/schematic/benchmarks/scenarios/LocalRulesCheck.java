package io.quarkiverse.schematic.benchmarks.scenarios;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.rules.RulesCompany;
import io.quarkiverse.schematic.rules.RulesEngine;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.rules.RulesResult;

/**
 * A flag check answered by the local rules engine from cached DataStream entities: look the flag and the company up
 * in maps (as the entity caches will), then evaluate a flag of 10 rules with mixed conditions (the 9th decides) for a
 * company with 10 traits, 5 metrics and 3 entitlements. The floor does the two map lookups only; {@code engine} is the
 * evaluation alone, with flag and company at hand. The {@code _1000} pair cycles through 1,000 distinct companies, so
 * their entities are not all in the CPU caches.
 * <p>
 * This is the cold local check: what the first check of a flag for a company costs, and the first after the flag set or
 * the company changed. The extension memoizes the answer after it; {@link LocalFlagCheck} measures those memo hits.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { Workload.LOG_MANAGER, "-Xms1g", "-Xmx1g" })
@Threads(1)
public class LocalRulesCheck {

    static final int COMPANIES = 1000;

    /** Flags by key and companies by key value, parsed from DataStream JSON. */
    @State(Scope.Benchmark)
    public static class Entities {
        final Map<String, RulesFlag> flags = new ConcurrentHashMap<>();
        final Map<String, RulesCompany> companies = new ConcurrentHashMap<>();
        final String[] companyKeys = new String[COMPANIES];
        RulesFlag flag;
        RulesCompany company;

        @Setup(Level.Trial)
        public void parse() {
            ObjectMapper mapper = new ObjectMapper();
            flags.put(Workload.FLAG, read(mapper, flagJson(), RulesFlag.class));
            for (int i = 0; i < COMPANIES; i++) {
                companyKeys[i] = "acme-" + i;
                companies.put(companyKeys[i], read(mapper, companyJson(i), RulesCompany.class));
            }
            flag = flags.get(Workload.FLAG);
            company = companies.get(companyKeys[0]);
            RulesResult answer = RulesEngine.checkFlag(flag, company, null, null);
            if (!answer.value() || !"rule_9".equals(answer.ruleId()) || answer.entitlement() == null) {
                throw new IllegalStateException("the benchmark flag did not answer from its 9th rule: " + answer);
            }
        }
    }

    /** The next of the 1,000 companies, per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        String nextKey(Entities entities) {
            next = next + 1 == COMPANIES ? 0 : next + 1;
            return entities.companyKeys[next];
        }
    }

    @Benchmark
    public boolean ours(Entities entities) {
        return RulesEngine.checkFlag(entities.flags.get(Workload.FLAG), entities.companies.get("acme-0"), null, null)
                .value();
    }

    /**
     * The engine alone, flag and company at hand (what bounds {@link #ours}: {@code ours} = {@code floor} +
     * {@code engine}).
     */
    @Benchmark
    public boolean engine(Entities entities) {
        return RulesEngine.checkFlag(entities.flag, entities.company, null, null).value();
    }

    @Benchmark
    public boolean floor(Entities entities) {
        return entities.flags.get(Workload.FLAG) != null && entities.companies.get("acme-0") != null;
    }

    @Benchmark
    public boolean ours_1000(Entities entities, Cursor cursor) {
        return RulesEngine.checkFlag(entities.flags.get(Workload.FLAG),
                entities.companies.get(cursor.nextKey(entities)), null, null).value();
    }

    @Benchmark
    public boolean floor_1000(Entities entities, Cursor cursor) {
        return entities.flags.get(Workload.FLAG) != null
                && entities.companies.get(cursor.nextKey(entities)) != null;
    }

    private static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ten rules of mixed types and conditions, none of which matches the benchmark companies before the 9th: company
     * ids, plans, metrics, string, int, date and bool traits, a user condition, billing products, credits, base plan
     * and condition groups.
     */
    static String flagJson() {
        return """
                {"id": "flag_bench", "key": "%s", "default_value": false, "rules": [
                  {"id": "rule_1", "rule_type": "company_override", "name": "Blocked", "value": false,
                   "conditions": [{"id": "c1", "condition_type": "company", "operator": "eq",
                                   "resource_ids": ["comp_a", "comp_b", "comp_c", "comp_d", "comp_e", "comp_f"]}]},
                  {"id": "rule_2", "rule_type": "plan_entitlement", "name": "Pro quota", "value": true,
                   "conditions": [{"id": "c2", "condition_type": "plan", "operator": "eq", "resource_ids": ["plan_pro"]},
                                  {"id": "c3", "condition_type": "metric", "operator": "lt", "event_subtype": "api-calls",
                                   "metric_value": 1000, "metric_period": "current_month",
                                   "metric_period_month_reset": "first_of_month"}]},
                  {"id": "rule_3", "rule_type": "plan_entitlement_usage_exceeded", "name": "Enterprise", "value": false,
                   "conditions": [{"id": "c4", "condition_type": "plan", "operator": "eq",
                                   "resource_ids": ["plan_enterprise"]}]},
                  {"id": "rule_4", "rule_type": "standard", "name": "EU", "priority": 1, "value": true,
                   "conditions": [%s]},
                  {"id": "rule_5", "rule_type": "standard", "name": "Big teams", "priority": 2, "value": true,
                   "conditions": [%s]},
                  {"id": "rule_6", "rule_type": "standard", "name": "Testers", "priority": 3, "value": true,
                   "conditions": [], "condition_groups": [{"conditions": [
                     {"id": "c7", "condition_type": "user", "operator": "eq", "resource_ids": ["user_x"]},
                     {"id": "c8", "condition_type": "billing_product", "operator": "eq", "resource_ids": ["bp_beta"]}]}]},
                  {"id": "rule_7", "rule_type": "standard", "name": "AI credits", "priority": 4, "value": true,
                   "conditions": [{"id": "c9", "condition_type": "credit", "operator": "gte", "credit_id": "credit_ai",
                                   "consumption_rate": 50}]},
                  {"id": "rule_8", "rule_type": "standard", "name": "Early adopters", "priority": 5, "value": true,
                   "conditions": [%s]},
                  {"id": "rule_9", "rule_type": "standard", "name": "Beta on Pro", "priority": 6, "value": true,
                   "conditions": [{"id": "c11", "condition_type": "base_plan", "operator": "eq",
                                   "resource_ids": ["plan_pro"]}, %s]},
                  {"id": "rule_10", "rule_type": "default", "name": "Off", "value": false}
                ]}
                """.formatted(Workload.FLAG, traitCondition("c5", "trd_region", "string", "eq", "eu"),
                traitCondition("c6", "trd_seats", "int", "gte", "100"),
                traitCondition("c10", "trd_signup", "date", "lt", "2020-01-01"),
                traitCondition("c12", "trd_beta", "bool", "eq", "true"));
    }

    private static String traitCondition(String id, String definition, String type, String operator, String value) {
        return """
                {"id": "%s", "condition_type": "trait", "operator": "%s", "trait_value": "%s",
                 "trait_definition": {"id": "%s", "comparable_type": "%s", "entity_type": "company"}}
                """.formatted(id, operator, value, definition, type);
    }

    /** Company {@code i}: 10 traits, 5 metrics, 3 entitlements (one for the benchmark flag), 2 plans. */
    static String companyJson(int i) {
        StringBuilder traits = new StringBuilder();
        String[][] values = { { "trd_region", "string", "us" }, { "trd_seats", "int", String.valueOf(40 + i % 50) },
                { "trd_signup", "date", "2023-06-0" + (1 + i % 9) }, { "trd_beta", "bool", "true" },
                { "trd_industry", "string", "retail" }, { "trd_employees", "int", "250" },
                { "trd_renewal", "date", "2026-01-31" }, { "trd_sso", "bool", "false" },
                { "trd_owner", "string", "jane@acme.com" }, { "trd_projects", "int", "12" } };
        for (String[] trait : values) {
            traits.append(traits.isEmpty() ? "" : ",").append("""
                    {"trait_definition": {"id": "%s", "comparable_type": "%s", "entity_type": "company"},
                     "value": "%s"}""".formatted(trait[0], trait[1], trait[2]));
        }
        StringBuilder metrics = new StringBuilder();
        String[][] counted = { { "api-calls", "current_month", String.valueOf(1200 + i) },
                { "api-calls", "all_time", "90000" }, { "exports", "current_month", "7" },
                { "exports", "current_day", "1" }, { "ai-answers", "current_week", "33" } };
        for (String[] metric : counted) {
            metrics.append(metrics.isEmpty() ? "" : ",").append("""
                    {"company_id": "comp_%d", "event_subtype": "%s", "period": "%s", "month_reset": "first_of_month",
                     "value": %s, "created_at": "2025-03-01T00:00:00Z", "valid_until": null}"""
                    .formatted(i, metric[0], metric[1], metric[2]));
        }
        return """
                {"id": "comp_%d", "keys": {"id": "acme-%d"}, "base_plan_id": "plan_pro",
                 "plan_ids": ["plan_pro", "plan_addon"], "plan_version_ids": ["plnv_pro_3"],
                 "billing_product_ids": ["bp_pro"], "credit_balances": {"credit_ai": 10.0},
                 "entitlements": [
                   {"feature_id": "feat_bench", "feature_key": "%s", "value_type": "numeric", "allocation": 1000,
                    "usage": %d, "event_name": "api-calls", "metric_period": "current_month",
                    "month_reset": "first_of_month"},
                   {"feature_id": "feat_exports", "feature_key": "exports", "value_type": "numeric", "allocation": 10,
                    "usage": 7, "event_name": "exports"},
                   {"feature_id": "feat_ai", "feature_key": "ai-answers", "value_type": "credit",
                    "credit_id": "credit_ai", "credit_remaining": 10.0}],
                 "metrics": [%s], "traits": [%s], "rules": [],
                 "subscription": {"id": "sub_%d", "period_start": "2025-01-15T00:00:00Z",
                                  "period_end": "2026-01-15T00:00:00Z"}}
                """.formatted(i, i, Workload.FLAG, 1200 + i, metrics, traits, i);
    }
}
