package io.quarkiverse.schematic.rules;

import static io.quarkiverse.schematic.rules.DataStreamJson.acme;
import static io.quarkiverse.schematic.rules.DataStreamJson.company;
import static io.quarkiverse.schematic.rules.DataStreamJson.flag;
import static io.quarkiverse.schematic.rules.DataStreamJson.idCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.metricCondition;
import static io.quarkiverse.schematic.rules.DataStreamJson.rule;
import static io.quarkiverse.schematic.rules.DataStreamJson.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.SchematicException;

/**
 * The cases of the official Go SDK's engine tests ({@code rulesengine/engine_test.go} of SchematicHQ/schematic-go,
 * which hold the WebAssembly engine to the reference semantics), restated, plus the engine's error contract.
 */
class RulesEngineTest {

    @Test
    void withoutCompanyOrUserTheDefaultValueIsTheAnswer() {
        for (boolean defaultValue : new boolean[] { true, false }) {
            RulesResult result = RulesEngine.checkFlag(flag("flag_my", defaultValue), null, null, null);

            assertThat(result.value()).isEqualTo(defaultValue);
            assertThat(result.reason()).isEqualTo(RulesEngine.REASON_NO_RULES_MATCHED);
            assertThat(result.companyId()).isNull();
            assertThat(result.userId()).isNull();
            assertThat(result.entitlement()).isNull();
        }
    }

    @Test
    void theAnswerNamesTheFlagAndTheCompany() {
        RulesResult result = RulesEngine.checkFlag(flag("flag_my", true), company("{\"id\": \"comp-1\"}"), null,
                null);

        assertThat(result.flagKey()).isEqualTo("flag_my-key");
        assertThat(result.flagId()).isEqualTo("flag_my");
        assertThat(result.companyId()).isEqualTo("comp-1");
    }

    /** The Go SDK sent nil collections as JSON null, which its engine rejected; here they are simply empty. */
    @Test
    void entitiesWithoutCollectionsAreChecked() {
        RulesResult result = RulesEngine.checkFlag(flag("{\"id\": \"f\", \"key\": \"k\", \"default_value\": true}"),
                company("{\"id\": \"comp-1\", \"rules\": null, \"traits\": null, \"metrics\": null}"),
                user("{\"id\": \"user-1\", \"rules\": null, \"traits\": null}"), null);

        assertThat(result.value()).isTrue();
        assertThat(result.userId()).isEqualTo("user-1");
    }

    @Test
    void aMissingFlagIsAnAnswerNotAnException() {
        RulesResult result = RulesEngine.checkFlag(null, null, null, null);

        assertThat(result.value()).isFalse();
        assertThat(result.reason()).isEqualTo(RulesEngine.REASON_FLAG_NOT_FOUND);
        assertThat(result.error()).isEqualTo(RulesEngine.ERROR_FLAG_NOT_FOUND);
        assertThat(result.flagKey()).isNull();
        assertThat(result.flagId()).isNull();
    }

    /** Negative preflight figures cannot be built (see {@code FlagCheckTest}); a zero usage is a valid check. */
    @Test
    void aZeroUsageIsAccepted() {
        RulesResult result = RulesEngine.checkFlag(flag("flag_my", true), null, null, Preflight.usage(0));

        assertThat(result.value()).isTrue();
        assertThat(result.error()).isNull();
    }

    /**
     * The Go SDK's pool test: concurrent checks never see each other's flag, value or company. Here the entities are
     * immutable and the engine keeps no state, so any number of threads may share them.
     */
    @Test
    void concurrentChecksDoNotCrossTalk() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                outcomes.add(pool.submit(() -> {
                    boolean wanted = thread % 2 == 0;
                    RulesFlag flag = flag("flag-" + thread, !wanted,
                            rule("rule-" + thread, "standard", 1, wanted,
                                    idCondition("company", "eq", "comp-" + thread)));
                    RulesCompany company = company("{\"id\": \"comp-" + thread + "\"}");
                    for (int i = 0; i < 25; i++) {
                        RulesResult result = RulesEngine.checkFlag(flag, company, null, null);
                        if (!result.flagKey().equals("flag-" + thread + "-key") || result.value() != wanted
                                || !result.companyId().equals("comp-" + thread)
                                || !result.ruleId().equals("rule-" + thread)) {
                            return "cross-talk on thread " + thread + ": " + result;
                        }
                    }
                    return "ok";
                }));
            }
            for (Future<String> outcome : outcomes) {
                assertThat(outcome.get()).isEqualTo("ok");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Where the reference engine answers with an error, the engine throws and says what was wrong. */
    @Test
    void aMetricConditionWithoutALimitIsAnError() {
        RulesFlag flag = flag("flag_my", false,
                rule("rule_1", "standard", 1, true, metricCondition("api-calls", "lte", null)));

        assertThatThrownBy(() -> RulesEngine.checkFlag(flag, acme(), null, null))
                .isInstanceOf(RulesEngineException.class)
                .isInstanceOf(SchematicException.class)
                .hasMessage("metric condition cond_metric has no metric_value to compare the usage of 'api-calls' with");
    }

    /** The reference engine only reads the limit of a metric condition it evaluates: no company, no error. */
    @Test
    void aMetricConditionWithoutALimitIsNoErrorWithoutACompany() {
        RulesFlag flag = flag("flag_my", false,
                rule("rule_1", "standard", 1, true, metricCondition("api-calls", "lte", null)));

        assertThat(RulesEngine.checkFlag(flag, null, null, null).value()).isFalse();
    }

    @Test
    void aClockIsRequired() {
        assertThatThrownBy(() -> RulesEngine.checkFlag(flag("flag_my", true), null, null, null, (Clock) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clock must not be null");
    }
}
