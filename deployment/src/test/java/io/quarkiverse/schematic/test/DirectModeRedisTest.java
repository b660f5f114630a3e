package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.runtime.datastream.DataStreamClient;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.events.OfflineEventSink;
import io.quarkiverse.schematic.runtime.flags.LocalAnswers;
import io.quarkiverse.schematic.runtime.replicator.SharedEntityCopy;
import io.quarkiverse.schematic.runtime.sharedcache.RedisConnection;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheKeys;
import io.quarkiverse.schematic.runtime.sharedcache.SharedCacheStatus;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;

/**
 * Direct mode with {@code cache.backend=redis}: companies one instance receives over its DataStream are shared with
 * the fleet's other instances through a real redis-server. Instance A is the application; instance B is a second
 * DataStream client built from the same runtime classes, connected to the same {@link DataStreamStub}, with its own
 * shared copy on the same Redis (what a second pod holds). Whether B used Redis or its WebSocket shows in the requests
 * the stub received.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectModeRedisTest {

    static final RedisServer REDIS = RedisServer.start();
    static final String[] COMPANIES = { DataStreamFixtures.company("fleet-acme", 3),
            DataStreamFixtures.company("fleet-down", 3), DataStreamFixtures.company("fleet-back", 3) };

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app(DataStreamStub.class, DataStreamFixtures.class, RedisServer.class)
            .setBeforeAllCustomizer(() -> {
                SchematicStub.startServer();
                DataStreamStub.start();
                DataStreamStub.flags(DataStreamFixtures.FLAGS);
                DataStreamStub.companies(COMPANIES);
            })
            .setAfterAllCustomizer(() -> {
                DataStreamStub.stop();
                SchematicStub.stopServer();
            })
            .overrideConfigKey("quarkus.schematic.local-evaluation.enabled", "true")
            .overrideConfigKey("quarkus.schematic.local-evaluation.url", DataStreamStub.url())
            .overrideConfigKey("quarkus.schematic.local-evaluation.entity-wait-timeout", "2s")
            .overrideConfigKey("quarkus.schematic.local-evaluation.reconnect-delay", "20ms")
            .overrideConfigKey("quarkus.schematic.cache.backend", "redis")
            .overrideConfigKey("quarkus.schematic.cache.redis.near-cache-ttl", "200ms")
            // a loaded machine opening the first connection; a stopped Redis refuses at once anyway
            .overrideConfigKey("quarkus.schematic.cache.redis.timeout", "2s")
            .overrideConfigKey("quarkus.redis.hosts", REDIS.uri())
            .overrideConfigKey("quarkus.redis.devservices.enabled", "false")
            .overrideConfigKey("quarkus.redis.health.enabled", "false")
            .overrideConfigKey("quarkus.schematic.max-retries", "0");

    static final String SCHEMATIC = "checks.find { it.name == 'Schematic' }";

    static SharedEntityCopy copyOfB;
    static DataStreamClient dataStreamOfB;
    static LocalAnswers instanceB;

    @Inject
    SchematicService schematic;

    @Inject
    LocalEvaluation local;

    @Inject
    SchematicConfig config;

    @Inject
    RedisConnection redis;

    @Inject
    Vertx vertx;

    @BeforeEach
    void bothConnected() {
        SchematicStub.client().register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));
        if (instanceB == null) {
            SchematicConfig.RedisCacheConfig cache = config.cache().redis();
            copyOfB = new SharedEntityCopy(redis, SharedCacheKeys.namespace(cache.namespace(), config.apiKey()),
                    config.localEvaluation(), cache.timeout(), cache.nearCacheTtl());
            dataStreamOfB = new DataStreamClient(vertx, URI.create(config.localEvaluation().url().orElseThrow()),
                    SchematicStub.API_KEY, config.localEvaluation(), new ObjectMapper(), changes -> {
                    }, copyOfB.writer());
            dataStreamOfB.start();
            instanceB = LocalEvaluation.answers(dataStreamOfB, copyOfB.reader(), new OfflineEventSink(event -> {
            }));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> local.status().connected() && local.status().flagsReceived()
                && dataStreamOfB.status().connected() && dataStreamOfB.status().flagsReceived());
    }

    @AfterAll
    static void stop() {
        if (dataStreamOfB != null) {
            dataStreamOfB.close();
        }
        REDIS.close();
    }

    @Test
    @Order(1)
    void aSecondInstanceFindsACompanyTheFirstReceivedWithoutAskingTheDataStream() {
        Map<String, String> acme = Map.of("id", "fleet-acme");
        FlagCheck onA = schematic.checkFlagDetails("ds-plan-gate", acme, Map.of());
        assertThat(onA.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(onA.companyId()).isEqualTo("comp_fleet_acme");
        String version = version();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> REDIS.command("GET", "schematic:company:" + version + ":id:fleet-acme") != null);
        assertThat(REDIS.command("GET", "schematic:company:" + version + ":id:fleet-acme"))
                .isEqualTo("\"comp_fleet_acme\"");
        assertThat(REDIS.command("GET", "schematic:company:" + version + ":comp_fleet_acme"))
                .contains("\"id\":\"comp_fleet_acme\"").contains("\"api-call\"");
        assertThat(Long.parseLong(REDIS.command("PTTL", "schematic:company:" + version + ":comp_fleet_acme")))
                .isPositive();
        assertThat(REDIS.command("GET", "schematic:flags:" + version + ":ds-plan-gate"))
                .contains("\"key\":\"ds-plan-gate\"");
        assertThat(requestsFor("fleet-acme")).isEqualTo(1);

        // B's DataStream is slow to answer for this company: the check must not wait for it
        DataStreamStub.hold("fleet-acme");
        try {
            FlagCheck onB = checkOnB("ds-plan-gate", acme);
            assertThat(onB.source()).isEqualTo(FlagSource.LOCAL);
            assertThat(onB.value()).isTrue();
            assertThat(onB.companyId()).isEqualTo("comp_fleet_acme");
            assertThat(dataStreamOfB.company(acme)).as("answered from Redis, before B's DataStream sent it").isNull();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> requestsFor("fleet-acme") == 2);
        } finally {
            DataStreamStub.release();
        }
        // B subscribed to the company over its own WebSocket, in the background
        await().atMost(Duration.ofSeconds(5)).until(() -> dataStreamOfB.company(acme) != null);
    }

    @Test
    @Order(2)
    void anInstanceThatReadACompanyFromRedisReceivesItsLaterChangesOverItsOwnDataStream() {
        Map<String, String> acme = Map.of("id", "fleet-acme");
        assertThat(checkOnB("ds-plan-gate", acme).value()).isTrue();

        DataStreamStub.push("rulesengine.Company", "comp_fleet_acme", "partial", """
                {"metrics": [{"event_subtype": "api-call", "period": "all_time", "month_reset": "first_of_month",
                              "value": 50}]}
                """);

        // what B's own DataStream client holds, received over B's WebSocket (not read from Redis)
        await().atMost(Duration.ofSeconds(5)).until(() -> dataStreamOfB.company(acme).metrics().get(0).value() == 50);
        FlagCheck onB = checkOnB("ds-plan-gate", acme);
        assertThat(onB.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(onB.value()).as("over its allocation of 10 calls").isFalse();
        assertThat(requestsFor("fleet-acme")).as("no further request: the update was pushed").isEqualTo(2);
    }

    @Test
    @Order(3)
    void partialUpdatesAndDeletesOverTheDataStreamFollowInTheSharedCopy() {
        String version = version();
        DataStreamStub.push("rulesengine.Company", "comp_fleet_acme", "partial", """
                {"keys": {"id": "fleet-acme", "domain": "Acme.Example"}}
                """);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> REDIS.command("GET", "schematic:company:" + version + ":domain:acme.example") != null);
        assertThat(REDIS.command("GET", "schematic:company:" + version + ":comp_fleet_acme"))
                .contains("\"domain\":\"Acme.Example\"").contains("\"api-call\"");

        DataStreamStub.push("rulesengine.Company", "comp_fleet_acme", "delete", "{}");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> REDIS.command("GET", "schematic:company:" + version + ":comp_fleet_acme") == null);
        assertThat(REDIS.command("GET", "schematic:company:" + version + ":id:fleet-acme")).isNull();
        assertThat(REDIS.command("GET", "schematic:company:" + version + ":domain:acme.example")).isNull();
    }

    @Test
    @Order(4)
    void withRedisStoppedChecksAskTheDataStreamAndWithRedisBackTheyShareAgain() {
        Map<String, String> down = Map.of("id", "fleet-down");
        long failuresBefore = failures(copyOfB.status());
        REDIS.stop();
        try {
            assertThat(schematic.checkFlagDetails("ds-plan-gate", down, Map.of()).source()).isEqualTo(FlagSource.LOCAL);
            FlagCheck onB = checkOnB("ds-plan-gate", down);
            assertThat(onB.source()).isEqualTo(FlagSource.LOCAL);
            assertThat(onB.companyId()).isEqualTo("comp_fleet_down");
            assertThat(requestsFor("fleet-down")).as("each instance asked its DataStream").isEqualTo(2);
            assertThat(failures(copyOfB.status())).isGreaterThan(failuresBefore);
            assertThat(copyOfB.status().degraded()).isTrue();
            get("/q/health/ready").then().statusCode(200).body(SCHEMATIC + ".data['dataStream.redis']",
                    equalTo("degraded"));
        } finally {
            REDIS.restart();
        }

        Map<String, String> back = Map.of("id", "fleet-back");
        String version = version();
        // the application's Redis client connects again
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            redis.dataSource().value(String.class, String.class).get("probe").await().atMost(Duration.ofSeconds(1));
            return true;
        });
        assertThat(schematic.checkFlagDetails("ds-plan-gate", back, Map.of()).source()).isEqualTo(FlagSource.LOCAL);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> REDIS.command("GET", "schematic:company:" + version + ":id:fleet-back") != null);
        FlagCheck onB = checkOnB("ds-plan-gate", back);
        assertThat(onB.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(onB.companyId()).isEqualTo("comp_fleet_back");
        // B read Redis, then subscribed over its DataStream in the background
        await().atMost(Duration.ofSeconds(5)).until(() -> dataStreamOfB.company(back) != null);
        assertThat(requestsFor("fleet-back")).as("shared again, then subscribed").isEqualTo(2);
        get("/q/health/ready").then().statusCode(200).body(SCHEMATIC + ".data['dataStream.redis']", equalTo("ok"));
    }

    private static FlagCheck checkOnB(String flag, Map<String, String> company) {
        FlagCheck now = instanceB.now(flag, company, Map.of(), null);
        return now != null ? now
                : instanceB.later(flag, company, Map.of(), null).await().atMost(Duration.ofSeconds(5));
    }

    private static String version() {
        return SharedEntityCopy.version(SharedCacheKeys.namespace(Optional.empty(), Optional.of(SchematicStub.API_KEY)));
    }

    /** Company requests for this key value that reached the DataStream stub, from either instance. */
    private static long requestsFor(String keyValue) {
        return DataStreamStub.received().stream()
                .map(message -> message.path("data"))
                .filter(data -> data.path("entity_type").asText().equals("rulesengine.Company"))
                .map(data -> data.path("keys"))
                .filter(keys -> keys.path("id").asText().equals(keyValue))
                .count();
    }

    private static long failures(SharedCacheStatus status) {
        return status.count(SharedCacheStatus.Problem.TIMEOUT) + status.count(SharedCacheStatus.Problem.FAILURE);
    }
}
