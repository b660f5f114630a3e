package io.quarkiverse.schematic.test.sharedcache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.client.CallPolicy;
import io.quarkiverse.schematic.runtime.client.CheckFlagBreaker;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkiverse.schematic.runtime.flags.FlagCheckListener;
import io.quarkiverse.schematic.runtime.flags.FlagDefaults;
import io.quarkiverse.schematic.runtime.flags.FlagEvaluator;
import io.quarkiverse.schematic.runtime.flags.LocalAnswers;
import io.quarkiverse.schematic.runtime.flags.LocalFlagCheckCache;
import io.quarkiverse.schematic.runtime.flags.OfflineAnswers;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkiverse.schematic.runtime.sharedcache.RedisFlagCheckCache;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheKeys;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;
import io.quarkiverse.schematic.test.RedisServer;
import io.quarkiverse.schematic.test.SchematicStub;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The shared cache on a real redis-server. Instance A is the application; the other instances are evaluators built
 * from the same classes the application uses (the real Redis cache, its own near cache, the application's REST client
 * to the same stub) against the same Redis, each with an empty near cache: what instance B of a fleet would be. Two
 * Quarkus applications in one JVM would add nothing the wire does not already prove: B's answer comes from Redis
 * because the stub sees no second request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedCacheTest {

    static final RedisServer REDIS = RedisServer.start();
    static final Map<String, String> ACME = Map.of("id", "acme");
    static final Map<String, String> JANE = Map.of("email", "jane@acme.com");
    static final String SCHEMATIC = "checks.find { it.name == 'Schematic' }";

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app(RedisServer.class)
            .overrideConfigKey("quarkus.schematic.cache.backend", "redis")
            .overrideConfigKey("quarkus.redis.hosts", REDIS.uri())
            .overrideConfigKey("quarkus.redis.devservices.enabled", "false")
            // the Redis client's own readiness check goes DOWN with Redis; this test is about the Schematic check
            .overrideConfigKey("quarkus.redis.health.enabled", "false")
            .overrideConfigKey("quarkus.micrometer.export.json.enabled", "true")
            .overrideConfigKey("quarkus.schematic.max-retries", "0")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.enabled", "false");

    @Inject
    SchematicService schematic;

    @Inject
    @RestClient
    SchematicApi api;

    @Inject
    RedisConnection redis;

    @Inject
    MeterRegistry registry;

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    @Order(1)
    void aSecondInstanceTakesTheAnswerFromRedisWithoutARequest() {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "shared", true);

        FlagCheck first = schematic.checkFlagDetails("shared", ACME, JANE);
        assertThat(first.source()).isEqualTo(FlagSource.REMOTE);
        String key = keys(null).flag("shared", ACME, JANE);
        try {
            Thread.sleep(1000);
        } catch (Exception e) {
        }
        await(() -> REDIS.command("GET", key) != null);
        assertThat(REDIS.command("GET", key)).contains("\"value\":true").contains("\"ruleId\":\"rule_1\"");
        assertThat(Long.parseLong(REDIS.command("PTTL", key))).isBetween(1L, 5000L);

        FlagCheck second = instance(null).check("shared", ACME, JANE, policy()).await().atMost(Duration.ofSeconds(5));
        assertThat(second.source()).isEqualTo(FlagSource.CACHE);
        assertThat(second.value()).isTrue();
        assertThat(second.ruleId()).isEqualTo("rule_1");
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/shared/check")))).hasSize(1);
    }

    @Test
    @Order(2)
    void anotherNamespaceNeverReadsTheAnswer() {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "isolated", true);
        schematic.checkFlagDetails("isolated", ACME, JANE);
        await(() -> REDIS.command("GET", keys(null).flag("isolated", ACME, JANE)) != null);

        FlagCheck other = instance("staging").check("isolated", ACME, JANE, policy()).await()
                .atMost(Duration.ofSeconds(5));
        assertThat(other.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/isolated/check")))).hasSize(2);
        assertThat(REDIS.command("KEYS", "schematic:staging:v1:flag:isolated:*")).isNotEmpty();
    }

    @Test
    @Order(3)
    void aGarbageValueIsAMissAndIsReplaced() {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "garbled", true);
        String key = keys(null).flag("garbled", ACME, JANE);
        REDIS.command("SET", key, "{\"flag\":\"garbled\",\"value\":\"sort of\"}");
        double before = errors("unreadable");

        FlagCheck answer = schematic.checkFlagDetails("garbled", ACME, JANE);
        assertThat(answer.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(answer.value()).isTrue();
        assertThat(errors("unreadable")).isEqualTo(before + 1);
        await(() -> String.valueOf(REDIS.command("GET", key)).contains("\"value\":true"));
        get("/q/health/ready").then().statusCode(200).body(SCHEMATIC + ".data.cache", equalTo("shared"));
    }

    @Test
    @Order(4)
    void aSlowRedisIsTimedOutAndSchematicAnswers() throws Exception {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "slow", false);
        double before = errors("timeout");
        Thread sleeper = new Thread(() -> REDIS.command("DEBUG", "SLEEP", "2"));
        sleeper.start();
        Thread.sleep(100);

        // the blocking API: the caller's thread waits for Redis at most the timeout
        long start = System.nanoTime();
        FlagCheck answer = schematic.checkFlagDetails("slow", ACME, JANE);
        assertThat(answer.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
        assertThat(errors("timeout")).isGreaterThan(before);

        // the reactive API: no thread waits, a timer ends the wait for Redis (of another instance, 50 ms)
        long reactiveStart = System.nanoTime();
        FlagCheck reactive = instance(null).check("slow", ACME, JANE, policy()).await().atMost(Duration.ofSeconds(5));
        assertThat(reactive.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(Duration.ofNanos(System.nanoTime() - reactiveStart)).isLessThan(Duration.ofMillis(900));
        sleeper.join();
    }

    @Test
    @Order(5)
    void redisDownThenBack() {
        WireMock stub = SchematicStub.client();
        SchematicStub.flag(stub, "outage", true);
        REDIS.stop();

        FlagCheck remote = instance(null).check("outage", ACME, JANE, policy()).await().atMost(Duration.ofSeconds(5));
        assertThat(remote.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(schematic.checkFlagDetails("outage", ACME, JANE).source()).isIn(FlagSource.REMOTE,
                FlagSource.CACHE);
        assertThat(errors("failure") + errors("timeout")).isGreaterThan(0);
        get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(SCHEMATIC + ".data.cache", equalTo("degraded"));

        stub.register(post(urlPathEqualTo("/flags/outage/check")).willReturn(aResponse().withStatus(500)));
        FlagCheck fallback = instance(null).check("outage", ACME, JANE, policy()).await()
                .atMost(Duration.ofSeconds(5));
        assertThat(fallback.source()).isEqualTo(FlagSource.DEFAULT);
        assertThat(fallback.value()).isFalse();

        REDIS.restart();
        SchematicStub.flag(stub, "outage", true);
        FlagCheck writer = instance(null).check("outage", ACME, JANE, policy()).await().atMost(Duration.ofSeconds(5));
        assertThat(writer.source()).isEqualTo(FlagSource.REMOTE);
        String key = keys(null).flag("outage", ACME, JANE);
        await(() -> REDIS.command("GET", key) != null);
        int requests = stub.find(postRequestedFor(urlPathEqualTo("/flags/outage/check"))).size();
        FlagCheck shared = instance(null).check("outage", ACME, JANE, policy()).await().atMost(Duration.ofSeconds(5));
        assertThat(shared.source()).isEqualTo(FlagSource.CACHE);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/outage/check")))).hasSize(requests);
        await(() -> {
            schematic.checkFlagDetails("outage-probe", ACME, JANE);
            return get("/q/health/ready").then().extract().path(SCHEMATIC + ".data.cache").equals("shared");
        });
    }

    /** A fresh instance of the fleet: the real Redis cache with an empty near cache, the same stub. */
    FlagEvaluator instance(String namespace) {
        RedisFlagCheckCache cache = new RedisFlagCheckCache(redis, keys(namespace), Duration.ofSeconds(5),
                Duration.ofMillis(50), LocalFlagCheckCache.bounded(100, Duration.ofSeconds(1), Ticker.systemTicker()),
                new SharedCacheStatus());
        return new FlagEvaluator(api, cache, new FlagDefaults(Map.of()), false, FlagCheckListener.NONE,
                new OfflineAnswers(List.of()), LocalAnswers.NONE, CheckFlagBreaker.NONE);
    }

    static SharedCacheKeys keys(String namespace) {
        return new SharedCacheKeys(
                SharedCacheKeys.namespace(Optional.ofNullable(namespace), Optional.of(SchematicStub.API_KEY)));
    }

    static CallPolicy policy() {
        return new CallPolicy(0, null);
    }

    double errors(String kind) {
        return registry.get("schematic.flag.cache.shared.errors").tag("kind", kind).functionCounter().count();
    }

    static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(condition);
    }
}
