package io.quarkiverse.schematic.runtime.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.rules.RulesFlag;
import io.quarkiverse.schematic.runtime.client.FlagCheckBody;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.config.SchematicFixedConfig;
import io.quarkiverse.schematic.runtime.events.EventOptions;
import io.quarkiverse.schematic.runtime.events.EventSink;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;

/**
 * The memo of local answers: a repeated plain check gets the same answer and event body without evaluating again,
 * and every kind of change to what the answer depends on (the flag set, the company, the user, a tracked metric
 * increment) gives the next check a fresh answer. Entities arrive as DataStream messages, applied by the real
 * {@link DataStreamClient} (never connected: the messages are applied directly, as its applier thread would).
 */
class MemoizedAnswersTest {

    /** On while the company used at most 10 {@code api-call} events (the deciding rule is a metered entitlement). */
    static final String PLAN_GATE = """
            {"id": "flag_gate", "key": "gate", "default_value": false, "rules": [
              {"id": "rule_gate", "flag_id": "flag_gate", "rule_type": "plan_entitlement", "name": "Plan gate",
               "priority": 1, "value": true, "condition_groups": [],
               "conditions": [{"id": "cond_calls", "condition_type": "metric", "operator": "lte",
                               "event_subtype": "api-call", "metric_value": 10, "metric_period": "all_time",
                               "metric_period_month_reset": "first_of_month"}]}]}
            """;
    /** On for user {@code user_jane} only. */
    static final String USER_RULE = """
            {"id": "flag_jane", "key": "jane-only", "default_value": false, "rules": [
              {"id": "rule_jane", "flag_id": "flag_jane", "rule_type": "standard", "name": "Jane", "priority": 1,
               "value": true, "condition_groups": [],
               "conditions": [{"id": "cond_jane", "condition_type": "user", "operator": "eq",
                               "resource_ids": ["user_jane"]}]}]}
            """;
    static final Map<String, String> ACME = Map.of("id", "acme");
    static final Map<String, String> JANE = Map.of("email", "jane@example.com");

    Vertx vertx;
    DataStreamClient replica;
    final List<Object> events = new ArrayList<>();
    LocalFlagEvaluator local;

    @BeforeEach
    void replicate() {
        vertx = Vertx.vertx();
        replica = new DataStreamClient(vertx, URI.create("ws://127.0.0.1:1/datastream"), "key", config(),
                new ObjectMapper(), changes -> {
                }, EntityMirror.NONE);
        local = new LocalFlagEvaluator(replica, replica, new Recorder());
        replica.apply(message("rulesengine.Flags", null, "full", "[" + PLAN_GATE + "," + USER_RULE + "]"));
        replica.apply(message("rulesengine.Company", null, "full", company(9)));
        replica.apply(message("rulesengine.User", null, "full", user("user_jane")));
    }

    @AfterEach
    void close() {
        replica.close();
        vertx.close();
    }

    @Test
    void aRepeatedCheckGetsTheSameAnswerAndBodyAndStillSendsItsEvent() {
        FlagCheck first = local.now("gate", ACME, Map.of(), null);
        FlagCheck second = local.now("gate", new HashMap<>(ACME), Map.of(), null);

        assertThat(first.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(first.value()).isTrue();
        assertThat(second).as("memoized").isSameAs(first);
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).as("equal keys: the memoized body").isSameAs(events.get(0));
        FlagCheckBody body = (FlagCheckBody) events.get(0);
        assertThat(body.reqCompany()).isEqualTo(ACME);
        assertThat(body.reqUser()).isNull();
        assertThat(body.preflight()).isNull();
    }

    @Test
    void eachEventCarriesTheCallersOwnKeys() {
        replica.apply(message("rulesengine.Company", "comp_acme", "partial", """
                {"keys": {"domain": "acme.example"}}"""));
        FlagCheck byId = local.now("gate", ACME, Map.of(), null);

        FlagCheck byDomain = local.now("gate", Map.of("domain", "acme.example"), Map.of(), null);

        assertThat(byDomain).as("same company: the memoized answer").isSameAs(byId);
        assertThat(((FlagCheckBody) events.get(1)).reqCompany()).isEqualTo(Map.of("domain", "acme.example"));
    }

    @Test
    void aFlagChangeGivesAFreshAnswer() {
        FlagCheck before = local.now("gate", ACME, Map.of(), null);

        replica.apply(message("rulesengine.Flag", null, "full", PLAN_GATE.replace("\"value\": true", "\"value\": false")
                .replace("\"default_value\": false", "\"default_value\": true")));

        FlagCheck after = local.now("gate", ACME, Map.of(), null);
        assertThat(before.value()).isTrue();
        assertThat(after.value()).isFalse();
    }

    @Test
    void aFlagSentAgainUnchangedKeepsTheMemo() {
        FlagCheck before = local.now("gate", ACME, Map.of(), null);

        replica.apply(message("rulesengine.Flags", null, "full", "[" + PLAN_GATE + "," + USER_RULE + "]"));

        assertThat(local.now("gate", ACME, Map.of(), null)).isSameAs(before);
    }

    @Test
    void aDeletedFlagIsNoLongerAnsweredLocally() {
        assertThat(local.now("gate", ACME, Map.of(), null)).isNotNull();

        replica.apply(message("rulesengine.Flag", null, "delete", "{\"key\": \"gate\"}"));

        assertThat(local.now("gate", ACME, Map.of(), null)).as("asks Schematic").isNull();
    }

    @Test
    void flagsEvictedBeyondTheBoundRaiseTheVersion() throws Exception {
        FlagStore store = new FlagStore(2, new ObjectMapper());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 50; i++) {
            store.put(json.readValue("{\"id\": \"flag_" + i + "\", \"key\": \"f" + i + "\", \"rules\": []}",
                    RulesFlag.class));
        }

        assertThat(store.size()).isLessThanOrEqualTo(2);
        assertThat(store.version()).as("50 created, at least 48 evicted").isGreaterThanOrEqualTo(98);
    }

    @Test
    void aFullCompanyUpdateGivesAFreshAnswer() {
        assertThat(local.now("gate", ACME, Map.of(), null).value()).isTrue();

        replica.apply(message("rulesengine.Company", null, "full", company(11)));

        FlagCheck after = local.now("gate", ACME, Map.of(), null);
        assertThat(after.value()).isFalse();
        assertThat(after.entitlement().usage()).isEqualTo(11L);
    }

    @Test
    void aPartialCompanyUpdateFlipsTheMemoizedAnswer() {
        assertThat(local.now("gate", ACME, Map.of(), null).value()).as("9 of 10 used").isTrue();

        replica.apply(message("rulesengine.Company", "comp_acme", "partial", """
                {"metrics": [{"event_subtype": "api-call", "period": "all_time", "month_reset": "first_of_month",
                              "value": 12}]}"""));

        FlagCheck after = local.now("gate", ACME, Map.of(), null);
        assertThat(after.value()).as("12 of 10 used").isFalse();
        assertThat(after.entitlement().usage()).isEqualTo(12L);
    }

    @Test
    void aTrackCrossingTheLimitFlipsTheMemoizedAnswer() {
        EventSink tracking = new TrackedUsageSink(new Recorder(), replica);
        assertThat(local.now("gate", ACME, Map.of(), null).value()).as("9 of 10 used").isTrue();

        tracking.offer("track", Track.event("api-call").company(ACME).quantity(1), EventOptions.NONE);
        FlagCheck atLimit = local.now("gate", ACME, Map.of(), null);
        tracking.offer("track", Track.event("api-call").company(ACME).quantity(1), EventOptions.NONE);
        FlagCheck over = local.now("gate", ACME, Map.of(), null);

        assertThat(atLimit.value()).as("10 of 10 used").isTrue();
        assertThat(atLimit.entitlement().usage()).isEqualTo(10L);
        assertThat(over.value()).as("11 of 10 used").isFalse();
        assertThat(over.entitlement().usage()).isEqualTo(11L);
    }

    @Test
    void aTrackOfAnotherEventKeepsTheMemo() {
        FlagCheck before = local.now("gate", ACME, Map.of(), null);

        replica.tracked(ACME, "not-metered", 5);

        assertThat(local.now("gate", ACME, Map.of(), null)).isSameAs(before);
    }

    @Test
    void aDeletedCompanyIsNoLongerAnsweredLocally() {
        assertThat(local.now("gate", ACME, Map.of(), null)).isNotNull();

        replica.apply(message("rulesengine.Company", "comp_acme", "delete", "{}"));

        assertThat(local.now("gate", ACME, Map.of(), null)).isNull();
    }

    @Test
    void aUserChangeGivesAFreshAnswerWithAndWithoutACompany() {
        FlagCheck withCompany = local.now("jane-only", ACME, JANE, null);
        FlagCheck userOnly = local.now("jane-only", Map.of(), JANE, null);
        assertThat(withCompany.value()).isTrue();
        assertThat(userOnly.value()).isTrue();
        assertThat(local.now("jane-only", ACME, JANE, null)).isSameAs(withCompany);
        assertThat(local.now("jane-only", Map.of(), JANE, null)).isSameAs(userOnly);

        // the same keys now belong to another user, whom the rule does not name
        replica.apply(message("rulesengine.User", null, "full", user("user_other")));

        assertThat(local.now("jane-only", ACME, JANE, null).value()).isFalse();
        assertThat(local.now("jane-only", Map.of(), JANE, null).value()).isFalse();
    }

    @Test
    void aPartialUserUpdateGivesAFreshAnswer() {
        FlagCheck before = local.now("jane-only", Map.of(), JANE, null);

        replica.apply(message("rulesengine.User", "user_jane", "partial", "{\"keys\": {\"id\": \"42\"}}"));

        FlagCheck after = local.now("jane-only", Map.of(), JANE, null);
        assertThat(after).as("a new user instance: evaluated again").isNotSameAs(before);
        assertThat(after.value()).isTrue();
    }

    @Test
    void aCompanyWithAndWithoutAUserAreMemoizedApart() {
        FlagCheck withJane = local.now("jane-only", ACME, JANE, null);
        FlagCheck alone = local.now("jane-only", ACME, Map.of(), null);

        assertThat(withJane.value()).isTrue();
        assertThat(alone.value()).isFalse();
        assertThat(local.now("jane-only", ACME, Map.of(), null)).isSameAs(alone);
    }

    @Test
    void preflightChecksAreNeverMemoized() {
        FlagCheck plain = local.now("gate", ACME, Map.of(), null);

        FlagCheck small = local.now("gate", ACME, Map.of(), Preflight.usage(1));
        FlagCheck large = local.now("gate", ACME, Map.of(), Preflight.usage(2));

        assertThat(small.value()).as("9 + 1 of 10").isTrue();
        assertThat(large.value()).as("9 + 2 of 10").isFalse();
        assertThat(small).isNotSameAs(plain);
        assertThat(local.now("gate", ACME, Map.of(), null)).isSameAs(plain);
        assertThat(((FlagCheckBody) events.get(1)).preflight()).isTrue();
        assertThat(((FlagCheckBody) events.get(3)).preflight()).isNull();
    }

    @Test
    void theMemoKeepsACopyOfTheCallersKeys() {
        Map<String, String> keys = new HashMap<>(ACME);
        local.now("gate", keys, Map.of(), null);

        keys.put("region", "eu");
        local.now("gate", ACME, Map.of(), null);

        assertThat(((FlagCheckBody) events.get(1)).reqCompany()).isEqualTo(ACME);
    }

    @Test
    void anAnswerIsFoundOnlyForItsFlagFlagSetVersionAndUser() {
        FlagCheck check = local.now("gate", ACME, Map.of(), null);
        AnswerMemo memo = new AnswerMemo();
        memo.put(new AnswerMemo.Answer(check, (FlagCheckBody) events.get(0), 3, 7));
        // another user whose answer would sit in the same slot
        long otherUser = 8;
        while (AnswerMemo.slot("gate", otherUser) != AnswerMemo.slot("gate", 7)) {
            otherUser++;
        }

        assertThat(memo.find("gate", 3, 7)).isNotNull();
        assertThat(memo.find("gate", 4, 7)).as("another flag set").isNull();
        assertThat(memo.find("gate", 3, otherUser)).as("another user").isNull();
        assertThat(memo.find("Gate", 3, 7)).as("another flag key").isNull();
    }

    @Test
    void memoryStaysWithTheCachedEntity() {
        CachedEntity<?> acme = replica.cachedCompany(ACME);
        local.now("gate", ACME, Map.of(), null);

        replica.apply(message("rulesengine.Company", null, "full", company(3)));

        assertThat(replica.cachedCompany(ACME)).as("a new entry with an empty memo replaces the old one")
                .isNotSameAs(acme);
        assertThat(replica.cachedCompany(ACME).memo.find("gate", replica.flagsVersion(), 0)).isNull();
    }

    static String company(long calls) {
        return """
                {"id": "comp_acme", "keys": {"id": "acme"}, "plan_ids": ["plan_pro"], "traits": [], "rules": [],
                 "metrics": [{"event_subtype": "api-call", "period": "all_time", "month_reset": "first_of_month",
                              "value": %d, "created_at": "2025-01-01T00:00:00Z"}],
                 "entitlements": [{"feature_id": "feat_calls", "feature_key": "gate", "value_type": "numeric",
                                   "allocation": 10, "usage": %d, "event_name": "api-call",
                                   "metric_period": "all_time", "month_reset": "first_of_month"}]}
                """.formatted(calls, calls);
    }

    static String user(String id) {
        return """
                {"id": "%s", "keys": {"email": "jane@example.com"}, "traits": [], "rules": []}
                """.formatted(id);
    }

    static String message(String type, String id, String kind, String data) {
        return "{\"entity_type\": \"" + type + "\", " + (id == null ? "" : "\"entity_id\": \"" + id + "\", ")
                + "\"message_type\": \"" + kind + "\", \"data\": " + data + "}";
    }

    static SchematicConfig.LocalEvaluationConfig config() {
        return new SmallRyeConfigBuilder()
                .withMapping(SchematicConfig.class)
                .withMapping(SchematicFixedConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .build()
                .getConfigMapping(SchematicConfig.class)
                .localEvaluation();
    }

    /** Records every event body it accepts. */
    final class Recorder implements EventSink {
        @Override
        public boolean offer(String type, Object body, EventOptions options) {
            if (FlagCheckBody.TYPE.equals(type)) {
                events.add(body);
            }
            return true;
        }

        @Override
        public void flush(Duration timeout) {
        }

        @Override
        public EventStats stats() {
            return new EventStats(0, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public void close() {
        }
    }
}
