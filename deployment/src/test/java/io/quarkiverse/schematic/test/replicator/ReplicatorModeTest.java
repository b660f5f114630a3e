package io.quarkiverse.schematic.test.replicator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.devui.SchematicDevUiService;
import io.quarkiverse.schematic.test.RedisServer;
import io.quarkiverse.schematic.test.SchematicStub;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;

/**
 * Replicator mode against a real redis-server holding what Schematic's replicator writes (fixtures in its exact
 * encoding, {@link ReplicatorFixtures}), WireMock playing the replicator's readiness endpoint (a real HTTP server,
 * polled every 100 ms) and Schematic's REST API. One application for every case, in order: local answers, the REST
 * fallbacks, the replicator not ready, Redis stopped and back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatorModeTest {

    static final RedisServer REDIS = RedisServer.start();
    static final Map<String, String> ACME = Map.of("id", "acme");
    static final Map<String, String> FREE = Map.of("id", "free-co");
    static final Map<String, String> JANE = Map.of("email", "JANE@acme.com");
    static final String READY_PATH = "/replicator/ready";
    static final String SCHEMATIC = "checks.find { it.name == 'Schematic' }";
    /** Longer than the near cache keeps an entity: what was read before is read again. */
    static final long NEAR_CACHE_EXPIRED_MILLIS = 1200;

    static {
        ReplicatorFixtures.load(REDIS);
    }

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app(RedisServer.class, ReplicatorFixtures.class)
            .overrideConfigKey("quarkus.schematic.local-evaluation.replicator.enabled", "true")
            .overrideConfigKey("quarkus.schematic.local-evaluation.replicator.ready-url",
                    "http://localhost:${schematic.stub.port}" + READY_PATH)
            .overrideConfigKey("quarkus.schematic.local-evaluation.replicator.poll-interval", "100ms")
            .overrideConfigKey("quarkus.schematic.local-evaluation.replicator.near-cache-ttl", "1s")
            // generous on a loaded CI machine; the bound itself is the shared cache test's subject
            .overrideConfigKey("quarkus.schematic.local-evaluation.replicator.redis-timeout", "1s")
            .overrideConfigKey("quarkus.redis.hosts", REDIS.uri())
            .overrideConfigKey("quarkus.redis.devservices.enabled", "false")
            .overrideConfigKey("quarkus.redis.health.enabled", "false")
            // every fallback shows on the wire: no flag-check cache in between
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.max-retries", "0")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.enabled", "false")
            .overrideConfigKey("quarkus.micrometer.export.json.enabled", "true");

    @Inject
    SchematicService schematic;

    @Inject
    LocalEvaluation local;

    @Inject
    SchematicDevUiService devUi;

    @Inject
    MeterRegistry registry;

    final WireMock stub = SchematicStub.client();

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @BeforeEach
    void replicatorReady() {
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));
        replicator(200, "ready.json");
        await(() -> local.status().connected());
    }

    @Test
    @Order(1)
    void theReplicatorsFixturesAreEvaluatedLocallyWithoutARequest() {
        FlagCheck acme = schematic.checkFlagDetails("replicated-gate", ACME, Map.of());
        assertThat(acme.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(acme.value()).isTrue();
        assertThat(acme.ruleId()).isEqualTo("rule_pro");
        assertThat(acme.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT);
        assertThat(acme.companyId()).isEqualTo("comp_acme");
        assertThat(acme.entitlement().allocation()).isEqualTo(100);
        assertThat(acme.entitlement().usage()).isEqualTo(12);

        FlagCheck free = schematic.checkFlagDetails("replicated-gate", FREE, Map.of());
        assertThat(free.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(free.value()).isFalse();
        assertThat(free.ruleId()).isEqualTo("rule_gate_default");

        // found by another of its keys, without case, and the flag by its key without case
        assertThat(schematic.checkFlagDetails("REPLICATED-GATE", Map.of("domain", "ACME.com"), Map.of()))
                .satisfies(byDomain -> {
                    assertThat(byDomain.source()).isEqualTo(FlagSource.LOCAL);
                    assertThat(byDomain.companyId()).isEqualTo("comp_acme");
                });
        FlagCheck beta = schematic.checkFlagDetails("replicated-beta", ACME, JANE);
        assertThat(beta.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(beta.value()).isTrue();
        assertThat(beta.userId()).isEqualTo("user_jane");

        // the Dev UI lists what the near caches hold (read just now: well within their second)
        assertThat(schematic.checkFlagDetails("replicated-gate", ACME, Map.of()).source()).isEqualTo(FlagSource.LOCAL);
        Map<String, Object> held = devUi.getDataStream();
        assertThat(held).containsEntry("state", "replicator-ready");
        assertThat(held.get("flags").toString()).contains("replicated-gate");
        assertThat(held.get("companies").toString()).contains("comp_acme");

        // a hot check stays in the process: Redis is not asked again within the near cache's time
        REDIS.command("DEL", "schematic:flags:" + ReplicatorFixtures.CACHE_VERSION + ":replicated-beta");
        assertThat(schematic.checkFlagDetails("replicated-beta", ACME, JANE).source()).isEqualTo(FlagSource.LOCAL);
        ReplicatorFixtures.load(REDIS);

        assertThat(stub.find(postRequestedFor(urlPathMatching("/flags/.*/check")))).isEmpty();
        assertThat(stub.find(getRequestedFor(urlPathEqualTo(READY_PATH)))).isNotEmpty();
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body(SCHEMATIC + ".data.dataStream", equalTo("replicator-ready"))
                .body(SCHEMATIC + ".data.'replicator.cacheVersion'", equalTo(ReplicatorFixtures.CACHE_VERSION))
                .body(SCHEMATIC + ".data.'replicator.redis'", equalTo("ok"))
                .body(SCHEMATIC + ".data.'replicator.fallback'", nullValue());
    }

    @Test
    @Order(2)
    void whatTheReplicatorDidNotWriteIsAskedOfTheRestApi() {
        SchematicStub.flag(stub, "not-replicated", true);
        SchematicStub.flag(stub, "replicated-gate", true);

        FlagCheck unknownFlag = schematic.checkFlagDetails("not-replicated", ACME, Map.of());
        assertThat(unknownFlag.source()).isEqualTo(FlagSource.REMOTE);
        FlagCheck unknownCompany = schematic.checkFlagDetails("replicated-gate", Map.of("id", "nobody"), Map.of());
        assertThat(unknownCompany.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(unknownCompany.ruleId()).isEqualTo("rule_1");

        // a value that is not the replicator's JSON is counted and read as missing
        double unreadable = errors("unreadable");
        REDIS.command("SET", "schematic:company:" + ReplicatorFixtures.CACHE_VERSION + ":id:garbled", "comp_acme");
        assertThat(schematic.checkFlagDetails("replicated-gate", Map.of("id", "garbled"), Map.of()).source())
                .isEqualTo(FlagSource.REMOTE);
        assertThat(errors("unreadable")).isEqualTo(unreadable + 1);
    }

    @Test
    @Order(3)
    void aReplicatorThatIsNotReadySendsChecksToTheRestApi() {
        SchematicStub.flag(stub, "replicated-gate", false);
        replicator(503, "not-ready.json");
        await(() -> !local.status().connected());

        FlagCheck answer = schematic.checkFlagDetails("replicated-gate", ACME, Map.of());
        assertThat(answer.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(answer.value()).isFalse();
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(SCHEMATIC + ".data.dataStream", equalTo("replicator-not-ready"))
                .body(SCHEMATIC + ".data.'replicator.fallback'", notNullValue());

        replicator(200, "ready.json");
        await(() -> local.status().connected());
        assertThat(schematic.checkFlagDetails("replicated-gate", ACME, Map.of()).source())
                .isEqualTo(FlagSource.LOCAL);
    }

    @Test
    @Order(4)
    void redisStoppedThenBack() throws InterruptedException {
        SchematicStub.flag(stub, "replicated-gate", false);
        double before = errors("failure") + errors("timeout");
        REDIS.stop();
        Thread.sleep(NEAR_CACHE_EXPIRED_MILLIS);

        FlagCheck remote = schematic.checkFlagDetails("replicated-gate", ACME, Map.of());
        assertThat(remote.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(remote.value()).isFalse();
        assertThat(errors("failure") + errors("timeout")).isGreaterThan(before);
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(SCHEMATIC + ".data.'replicator.redis'", equalTo("degraded"));

        stub.register(post(urlPathEqualTo("/flags/replicated-gate/check")).willReturn(aResponse().withStatus(500)));
        FlagCheck fallback = schematic.checkFlagDetails("replicated-gate", ACME, Map.of());
        assertThat(fallback.source()).isEqualTo(FlagSource.DEFAULT);
        assertThat(fallback.value()).isFalse();

        REDIS.restart();
        ReplicatorFixtures.load(REDIS);
        int requests = stub.find(postRequestedFor(urlPathEqualTo("/flags/replicated-gate/check"))).size();
        await(() -> schematic.checkFlagDetails("replicated-gate", ACME, Map.of()).source() == FlagSource.LOCAL);
        assertThat(schematic.checkFlagDetails("replicated-gate", ACME, Map.of()).value()).isTrue();
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body(SCHEMATIC + ".data.'replicator.redis'", equalTo("ok"));
        // the checks that waited for the reconnection asked the REST API, none after
        int after = stub.find(postRequestedFor(urlPathEqualTo("/flags/replicated-gate/check"))).size();
        assertThat(schematic.checkFlagDetails("replicated-gate", ACME, Map.of()).source()).isEqualTo(FlagSource.LOCAL);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/replicated-gate/check")))).hasSize(after);
        assertThat(after).isGreaterThanOrEqualTo(requests);
    }

    @Test
    @Order(5)
    void aSlowRedisIsWaitedForAtMostTheRedisTimeout() throws InterruptedException {
        SchematicStub.flag(stub, "replicated-beta", false);
        double before = errors("timeout");
        Thread.sleep(NEAR_CACHE_EXPIRED_MILLIS);
        Thread sleeper = new Thread(() -> REDIS.command("DEBUG", "SLEEP", "4"));
        sleeper.start();
        Thread.sleep(200);

        long start = System.nanoTime();
        FlagCheck answer = schematic.checkFlagDetails("replicated-beta", ACME, JANE);
        assertThat(answer.source()).isEqualTo(FlagSource.REMOTE);
        // redis-timeout is 1 s here; Redis sleeps 4 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
        assertThat(errors("timeout")).isGreaterThan(before);
        sleeper.join();
    }

    /** The readiness endpoint answers with this status and fixture body, as the replicator does. */
    void replicator(int status, String body) {
        stub.register(get(urlPathEqualTo(READY_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(ReplicatorFixtures.read(body))));
    }

    double errors(String kind) {
        return registry.get("schematic.datastream.redis.errors").tag("kind", kind).functionCounter().count();
    }

    static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(condition);
    }
}
