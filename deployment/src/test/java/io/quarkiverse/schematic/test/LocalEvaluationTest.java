package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.FlagChanged;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.Preflight;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.RuleType;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.datastream.DataStreamStatus;
import io.quarkiverse.schematic.runtime.datastream.LocalEvaluation;
import io.quarkiverse.schematic.runtime.devui.SchematicDevUiService;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Local evaluation against a real WebSocket server playing the DataStream ({@link DataStreamStub}) and WireMock
 * playing the REST API and the capture service: what goes over both wires, and which answers are local. One
 * application for every case; each case uses its own flags and companies.
 */
class LocalEvaluationTest {

    static final String WAIT = "500ms";

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub
            .app(DataStreamStub.class, DataStreamFixtures.class, FlagChangeRecorder.class)
            .setBeforeAllCustomizer(() -> {
                SchematicStub.startServer();
                DataStreamStub.start();
                DataStreamStub.flags(DataStreamFixtures.FLAGS);
                DataStreamStub.companies(DataStreamFixtures.COMPANIES);
                DataStreamStub.users(DataStreamFixtures.JANE);
                DataStreamStub.refuse("ds-refused");
            })
            .setAfterAllCustomizer(() -> {
                DataStreamStub.stop();
                SchematicStub.stopServer();
            })
            .overrideConfigKey("quarkus.schematic.local-evaluation.enabled", "true")
            .overrideConfigKey("quarkus.schematic.local-evaluation.url", DataStreamStub.url())
            .overrideConfigKey("quarkus.schematic.local-evaluation.entity-wait-timeout", WAIT)
            .overrideConfigKey("quarkus.schematic.local-evaluation.reconnect-delay", "20ms")
            .overrideConfigKey("quarkus.schematic.local-evaluation.max-reconnect-delay", "100ms")
            .overrideConfigKey("quarkus.schematic.local-evaluation.ping-interval", "500ms")
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.max-retries", "0")
            // without a registry extension the global registry has no backend: counters would stay at 0
            .overrideConfigKey("quarkus.micrometer.export.json.enabled", "true");

    static final String SCHEMATIC_HEALTH = "checks.find { it.name == 'Schematic' }";

    @Inject
    SchematicService schematic;

    @Inject
    ReactiveSchematicService reactive;

    @Inject
    LocalEvaluation local;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Inject
    SchematicDevUiService devUi;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void connected() {
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));
        await().atMost(Duration.ofSeconds(10)).until(() -> local.status().connected() && local.status().flagsReceived());
    }

    @Test
    void handshakeCarriesTheHeadersAndSubscribesToEveryFlag() {
        List<JsonNode> handshakes = DataStreamStub.handshakes();
        assertThat(handshakes).isNotEmpty().allSatisfy(headers -> {
            assertThat(headers.path(SchematicStub.API_KEY_HEADER).asText()).isEqualTo(SchematicStub.API_KEY);
            assertThat(headers.path("X-Schematic-Datastream-Mode").asText()).isEqualTo("direct");
            assertThat(headers.path("X-Schematic-Client").asText()).isEqualTo("quarkus-schematic");
            assertThat(headers.path("X-Schematic-Client-Version").asText()).isNotBlank();
        });
        assertThat(DataStreamStub.received()).anySatisfy(message -> assertThat(message.toString())
                .isEqualTo("{\"data\":{\"action\":\"start\",\"entity_type\":\"rulesengine.Flags\"}}"));
    }

    @Test
    void flagsOfTheInitialSetAnswerLocallyWithoutRest() {
        FlagCheck check = schematic.checkFlagDetails("ds-default-on", Map.of(), Map.of());

        assertThat(check.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(check.value()).isTrue();
        assertThat(check.reason()).isEqualTo("No rules matched; default value for flag");
        assertThat(check.flagId()).isEqualTo("flag_ds_default_on");
        stub.verifyThat(0, postRequestedFor(urlPathEqualTo("/flags/ds-default-on/check")));
    }

    @Test
    void companyIsRequestedOnDemandOnceAndAnsweredWithItsEntitlement() {
        int since = DataStreamStub.received().size();
        FlagCheck first = schematic.checkFlagDetails("ds-plan-gate", Map.of("id", "ds-acme"), Map.of());
        FlagCheck second = schematic.checkFlagDetails("ds-plan-gate", Map.of("id", "ds-acme"), Map.of());

        assertThat(first.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(first.value()).isTrue();
        assertThat(first.companyId()).isEqualTo("comp_ds_acme");
        assertThat(first.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT);
        assertThat(first.reason()).isEqualTo("Matched plan entitlement rule \"Plan gate\" (rule_plan_gate)");
        assertThat(first.entitlement()).isNotNull();
        assertThat(first.entitlement().allocation()).isEqualTo(10L);
        assertThat(first.entitlement().usage()).isEqualTo(9L);
        assertThat(second).isEqualTo(first);
        assertThat(companyRequests(since, "ds-acme")).as("at most one request for the company").isLessThanOrEqualTo(1);
        stub.verifyThat(0, postRequestedFor(urlPathEqualTo("/flags/ds-plan-gate/check")));
    }

    @Test
    void usersAreRequestedOnDemandToo() {
        FlagCheck check = schematic.checkFlagDetails("ds-user-rule", Map.of(), Map.of("email", "jane@ds.example"));

        assertThat(check.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(check.value()).isTrue();
        assertThat(check.userId()).isEqualTo("user_ds_jane");
        assertThat(DataStreamStub.received()).anySatisfy(message -> assertThat(message.path("data").toString())
                .isEqualTo("{\"action\":\"start\",\"entity_type\":\"rulesengine.User\","
                        + "\"keys\":{\"email\":\"jane@ds.example\"}}"));
    }

    @Test
    void localAnswersAreReportedAsFlagCheckEvents() {
        schematic.checkFlagDetails("ds-company-rule", Map.of("id", "ds-acme"), Map.of());
        schematic.flush();

        List<JsonNode> events = SchematicStub.eventsOf(SchematicStub.batches(stub)).stream()
                .filter(event -> event.path("body").path("flag_key").asText().equals("ds-company-rule"))
                .filter(event -> event.path("body").path("req_company").path("id").asText().equals("ds-acme"))
                .toList();
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.path("type").asText()).isEqualTo("flag_check");
            assertThat(event.path("api_key").asText()).isEqualTo(SchematicStub.API_KEY);
            JsonNode body = event.path("body");
            assertThat(body.path("value").asBoolean()).isTrue();
            assertThat(body.path("reason").asText()).isEqualTo("Matched standard rule \"Acme only\" (rule_acme)");
            assertThat(body.path("flag_id").asText()).isEqualTo("flag_ds_company_rule");
            assertThat(body.path("rule_id").asText()).isEqualTo("rule_acme");
            assertThat(body.path("company_id").asText()).isEqualTo("comp_ds_acme");
            assertThat(body.path("req_company").toString()).isEqualTo("{\"id\":\"ds-acme\"}");
            assertThat(body.has("req_user")).isFalse();
            assertThat(body.has("preflight")).as("absent on a plain check").isFalse();
        });
    }

    @Test
    void preflightIsAnsweredLocallyForItsSize() {
        Map<String, String> company = Map.of("id", "ds-preflight"); // 7 of 10 api calls used

        FlagCheck fits = schematic.checkFlagDetails("ds-plan-gate", company, Map.of(), Preflight.usage(3));
        FlagCheck tooBig = schematic.checkFlagDetails("ds-plan-gate", company, Map.of(),
                Preflight.eventUsage("api-call", 4));
        FlagCheck reactiveFits = reactive.checkFlagDetails("ds-plan-gate", company, Map.of(), Preflight.usage(2))
                .await().atMost(Duration.ofSeconds(5));

        assertThat(fits.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(fits.value()).as("7 + 3 <= 10").isTrue();
        assertThat(fits.ruleType()).isEqualTo(RuleType.PLAN_ENTITLEMENT);
        assertThat(tooBig.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(tooBig.value()).as("7 + 4 > 10").isFalse();
        assertThat(tooBig.entitlement()).as("entitlement present beyond the allocation").isNotNull();
        assertThat(tooBig.entitlement().usage()).as("current usage, not the hypothetical one").isEqualTo(7L);
        assertThat(tooBig.entitlement().allocation()).isEqualTo(10L);
        assertThat(reactiveFits.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(reactiveFits.value()).isTrue();
        assertThat(schematic.checkFlagDetails("ds-plan-gate", company, Map.of()).value())
                .as("a plain check after the preflights: nothing was used").isTrue();
        stub.verifyThat(0, postRequestedFor(urlPathEqualTo("/flags/ds-plan-gate/check")));
    }

    @Test
    void localPreflightIsReportedAsAPreflightFlagCheckEvent() {
        Map<String, String> company = Map.of("id", "ds-preflight-event"); // 7 of 10 used
        schematic.checkFlagDetails("ds-plan-gate", company, Map.of(), Preflight.usage(5));
        schematic.flush();

        List<JsonNode> events = SchematicStub.eventsOf(SchematicStub.batches(stub)).stream()
                .filter(event -> event.path("body").path("flag_key").asText().equals("ds-plan-gate"))
                .filter(event -> event.path("body").path("req_company").path("id").asText().equals("ds-preflight-event"))
                .toList();
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.path("type").asText()).isEqualTo("flag_check");
            JsonNode body = event.path("body");
            assertThat(body.path("preflight").isBoolean()).isTrue();
            assertThat(body.path("preflight").asBoolean()).isTrue();
            assertThat(body.path("value").asBoolean()).as("7 + 5 > 10").isFalse();
            assertThat(body.path("company_id").asText()).isEqualTo("comp_ds_preflight_event");
            assertThat(body.path("req_company").toString()).isEqualTo("{\"id\":\"ds-preflight-event\"}");
            assertThat(body.path("reason").asText()).isEqualTo("No rules matched; default value for flag");
        });
    }

    @Test
    void preflightForACompanyNotSentInTimeAsksTheRestApiWithThePreflight() {
        SchematicStub.flag(stub, "ds-silent-gate", true);
        long timeouts = local.status().entityWaitTimeouts();

        FlagCheck check = schematic.checkFlagDetails("ds-silent-gate", Map.of("id", "ds-silent-preflight"), Map.of(),
                Preflight.usage(3));

        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(check.value()).isTrue();
        assertThat(local.status().entityWaitTimeouts()).isEqualTo(timeouts + 1);
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/ds-silent-gate/check"))
                .withRequestBody(equalToJson("{\"company\": {\"id\": \"ds-silent-preflight\"},"
                        + " \"preflight\": {\"usage\": 3}}", true, true)));
    }

    @Test
    void trackRaisesTheCachedMetricAtOnce() {
        Map<String, String> company = Map.of("id", "ds-tracked");
        assertThat(schematic.checkFlagDetails("ds-plan-gate", company, Map.of()).value()).as("9 of 10 used").isTrue();

        schematic.track(Track.event("api-call").company(company).quantity(2));

        FlagCheck after = schematic.checkFlagDetails("ds-plan-gate", company, Map.of());
        assertThat(after.source()).isEqualTo(FlagSource.LOCAL);
        assertThat(after.value()).as("11 of 10 used").isFalse();
        assertThat(after.entitlement().usage()).isEqualTo(11L);
    }

    @Test
    void partialUpdatesMergeIntoTheCachedCompany() {
        assertThat(schematic.checkFlag("ds-plan-gate", Map.of("id", "ds-partial"), Map.of())).isTrue();

        DataStreamStub.push("rulesengine.Company", "comp_ds_partial", "partial", """
                {"keys": {"domain": "partial.example"},
                 "metrics": [{"event_subtype": "api-call", "period": "all_time", "month_reset": "first_of_month",
                              "value": 50}]}
                """);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            FlagCheck byNewKey = schematic.checkFlagDetails("ds-plan-gate", Map.of("domain", "partial.example"),
                    Map.of());
            assertThat(byNewKey.source()).isEqualTo(FlagSource.LOCAL);
            assertThat(byNewKey.value()).isFalse();
            assertThat(byNewKey.entitlement().usage()).as("usage re-derived from the new metric").isEqualTo(50L);
        });
        FlagCheck byOldKey = schematic.checkFlagDetails("ds-plan-gate", Map.of("id", "ds-partial"), Map.of());
        assertThat(byOldKey.companyId()).as("old keys kept").isEqualTo("comp_ds_partial");
        assertThat(byOldKey.value()).as("the answer memoized before the update is not given again").isFalse();
    }

    @Test
    void deletedFlagFallsBackToRestAndIsReported() {
        SchematicStub.flag(stub, "ds-doomed", false);
        assertThat(schematic.checkFlagDetails("ds-doomed", Map.of(), Map.of()).source()).isEqualTo(FlagSource.LOCAL);

        DataStreamStub.push("rulesengine.Flag", "flag_ds_doomed", "delete", "{\"key\": \"ds-doomed\"}");

        await().atMost(Duration.ofSeconds(5)).until(() -> FlagChangeRecorder.sync()
                .contains(new FlagChanged("ds-doomed", FlagChanged.Kind.DELETED)));
        FlagCheck after = schematic.checkFlagDetails("ds-doomed", Map.of(), Map.of());
        assertThat(after.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(after.value()).isFalse();
    }

    @Test
    void deletedCompanyIsRequestedAgain() {
        Map<String, String> gone = Map.of("id", "ds-gone");
        int since = DataStreamStub.received().size();
        assertThat(schematic.checkFlagDetails("ds-company-rule", gone, Map.of()).source()).isEqualTo(FlagSource.LOCAL);

        DataStreamStub.push("rulesengine.Company", "comp_ds_gone", "delete", "{}");

        await().atMost(Duration.ofSeconds(5)).until(() -> local.client().company(gone) == null);
        assertThat(schematic.checkFlagDetails("ds-company-rule", gone, Map.of()).source()).isEqualTo(FlagSource.LOCAL);
        assertThat(companyRequests(since, "ds-gone")).isEqualTo(2);
    }

    @Test
    void companyNotSentInTimeFallsBackToRest() {
        SchematicStub.flag(stub, "ds-silent-gate", true);
        long timeouts = local.status().entityWaitTimeouts();
        int since = DataStreamStub.received().size();

        FlagCheck check = schematic.checkFlagDetails("ds-silent-gate", Map.of("id", "ds-silent"), Map.of());

        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(check.value()).isTrue();
        assertThat(local.status().entityWaitTimeouts()).isEqualTo(timeouts + 1);
        assertThat(companyRequests(since, "ds-silent")).isEqualTo(1);
    }

    @Test
    void anErrorAnswerReleasesTheWaitWithoutATimeout() {
        SchematicStub.flag(stub, "ds-plan-gate", true);
        long timeouts = local.status().entityWaitTimeouts();

        FlagCheck check = schematic.checkFlagDetails("ds-plan-gate", Map.of("id", "ds-refused"), Map.of());

        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(local.status().entityWaitTimeouts()).isEqualTo(timeouts);
    }

    @Test
    void waitingForACompanyNeverBlocksTheEventLoop() throws Exception {
        SchematicStub.flag(stub, "ds-silent-gate", true);
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Long> answered = new CompletableFuture<>();
        CompletableFuture<FlagCheck> answer = new CompletableFuture<>();
        CompletableFuture<Long> loopFree = new CompletableFuture<>();

        context.runOnContext(ignored -> {
            reactive.checkFlagDetails("ds-silent-gate", Map.of("id", "ds-silent-loop"), Map.of())
                    .subscribe().with(check -> {
                        answered.complete(System.nanoTime());
                        answer.complete(check);
                    }, answer::completeExceptionally);
            context.runOnContext(next -> loopFree.complete(System.nanoTime()));
        });

        assertThat(answer.get(10, TimeUnit.SECONDS).source()).isEqualTo(FlagSource.REMOTE);
        assertThat(loopFree.get(10, TimeUnit.SECONDS)).as("the event loop ran other work while the check waited")
                .isLessThan(answered.get());
    }

    @Test
    void flagNotReplicatedIsAskedOverRest() {
        SchematicStub.flag(stub, "ds-unknown", true);

        FlagCheck check = schematic.checkFlagDetails("ds-unknown", Map.of("id", "ds-acme"), Map.of());

        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/flags/ds-unknown/check")));
    }

    @Test
    void afterTheServerClosesTheConnectionTheClientReconnectsAndResubscribes() {
        Map<String, String> acme = Map.of("id", "ds-acme");
        schematic.checkFlagDetails("ds-company-rule", acme, Map.of());
        int handshakes = DataStreamStub.handshakes().size();
        int received = DataStreamStub.received().size();
        long reconnects = local.status().reconnects();

        DataStreamStub.closeConnections();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(DataStreamStub.handshakes()).hasSizeGreaterThan(handshakes);
            List<JsonNode> since = DataStreamStub.received().subList(received, DataStreamStub.received().size());
            assertThat(since).anySatisfy(message -> assertThat(message.path("data").path("entity_type").asText())
                    .isEqualTo("rulesengine.Flags"));
            assertThat(since).anySatisfy(message -> assertThat(message.path("data").toString())
                    .isEqualTo("{\"action\":\"start\",\"entity_type\":\"rulesengine.Company\","
                            + "\"keys\":{\"id\":\"ds-acme\"}}"));
            assertThat(local.status().reconnects()).isGreaterThan(reconnects);
        });
        assertThat(schematic.checkFlagDetails("ds-company-rule", acme, Map.of()).source()).isEqualTo(FlagSource.LOCAL);
    }

    @Test
    void cachedEntitiesKeepAnsweringWhileTheDataStreamIsDown() {
        Map<String, String> acme = Map.of("id", "ds-acme");
        schematic.checkFlagDetails("ds-company-rule", acme, Map.of());
        SchematicStub.flag(stub, "ds-company-rule", false);
        try {
            DataStreamStub.rejectHandshakes(true);
            DataStreamStub.closeConnections();
            await().atMost(Duration.ofSeconds(10)).until(() -> !local.status().connected());
            get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body(SCHEMATIC_HEALTH + ".data.dataStream", oneOf("disconnected", "connecting"))
                    .body(SCHEMATIC_HEALTH + ".data.'dataStream.fallback'", containsString("REST API"));
            assertThat(registry.get("schematic.datastream.connected").gauge().value()).isZero();

            assertThat(schematic.checkFlagDetails("ds-company-rule", acme, Map.of()).source())
                    .isEqualTo(FlagSource.LOCAL);
            FlagCheck uncached = schematic.checkFlagDetails("ds-company-rule", Map.of("id", "ds-never-seen"),
                    Map.of());
            assertThat(uncached.source()).as("no wait while disconnected").isEqualTo(FlagSource.REMOTE);
        } finally {
            DataStreamStub.rejectHandshakes(false);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> local.status().connected());
    }

    @Test
    void pingsKeepTheConnectionAlive() {
        int pings = DataStreamStub.pings();
        int handshakes = DataStreamStub.handshakes().size();

        await().atMost(Duration.ofSeconds(10)).until(() -> DataStreamStub.pings() >= pings + 3);

        assertThat(DataStreamStub.handshakes()).as("no reconnection while the server answers pings")
                .hasSize(handshakes);
    }

    @Test
    void garbageIsCountedAndIgnored() {
        long ignored = local.status().ignoredMessages();

        DataStreamStub.push("this is not JSON");
        DataStreamStub.pushBinary("\u0001\u0002");
        DataStreamStub.push("{\"entity_type\": \"rulesengine.Nonsense\", \"message_type\": \"full\", \"data\": {}}");
        DataStreamStub.push("rulesengine.Company", "comp_x", "full", "{\"id\": \"comp_x\", \"keys\": 42}");
        DataStreamStub.push("rulesengine.Flag", null, "full", DataStreamFixtures.flag("ds-after-garbage", true));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(local.client().flag("ds-after-garbage")).isNotNull());
        assertThat(local.status().ignoredMessages()).isEqualTo(ignored + 4);
        assertThat(local.status().connected()).isTrue();
        assertThat(schematic.checkFlagDetails("ds-after-garbage", Map.of(), Map.of()).source())
                .isEqualTo(FlagSource.LOCAL);
    }

    @Test
    void flagChangesReachSyncAndAsyncObservers() {
        DataStreamStub.push("rulesengine.Flag", null, "full", DataStreamFixtures.flag("ds-changing", false));
        DataStreamStub.push("rulesengine.Flag", null, "full", DataStreamFixtures.flag("ds-changing", false));
        DataStreamStub.push("rulesengine.Flag", null, "full", DataStreamFixtures.flag("ds-changing", true));

        List<FlagChanged> expected = List.of(new FlagChanged("ds-changing", FlagChanged.Kind.CREATED),
                new FlagChanged("ds-changing", FlagChanged.Kind.CHANGED));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(FlagChangeRecorder.sync()).filteredOn(change -> change.flag().equals("ds-changing"))
                    .as("an unchanged flag fires nothing").containsExactlyElementsOf(expected);
            assertThat(FlagChangeRecorder.async()).filteredOn(change -> change.flag().equals("ds-changing"))
                    .containsExactlyInAnyOrderElementsOf(expected);
        });
        assertThat(FlagChangeRecorder.syncThreads()).allSatisfy(thread -> assertThat(thread)
                .isEqualTo("schematic-datastream"));
        assertThat(schematic.checkFlag("ds-changing")).isTrue();
    }

    @Test
    void statusCountsWhatIsCached() {
        schematic.checkFlag("ds-plan-gate", Map.of("id", "ds-acme"), Map.of());

        DataStreamStatus status = local.status();
        assertThat(status.state()).isEqualTo("connected");
        assertThat(status.url()).startsWith("ws://127.0.0.1:").endsWith("/datastream");
        assertThat(status.flags()).isGreaterThanOrEqualTo(DataStreamFixtures.FLAGS.length - 1);
        assertThat(status.companies()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void healthMetersAndDevUiShowTheDataStream() {
        schematic.checkFlagDetails("ds-default-on", Map.of(), Map.of());
        schematic.checkFlagDetails("ds-plan-gate", Map.of("id", "ds-acme"), Map.of());

        get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(SCHEMATIC_HEALTH + ".data.dataStream", equalTo("connected"))
                .body(SCHEMATIC_HEALTH + ".data.'dataStream.companies'", greaterThanOrEqualTo(1))
                .body(SCHEMATIC_HEALTH + ".data", not(hasKey("dataStream.fallback")));

        assertThat(registry.get("schematic.flag.checks").tags("flag", "ds-default-on", "source", "local").counter()
                .count()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("schematic.datastream.connected").gauge().value()).isEqualTo(1);
        assertThat(registry.get("schematic.datastream.cache.size").tag("entity", "flag").gauge().value())
                .isGreaterThanOrEqualTo(DataStreamFixtures.FLAGS.length - 1);
        assertThat(registry.get("schematic.datastream.cache.size").tag("entity", "company").gauge().value())
                .isGreaterThanOrEqualTo(1);
        assertThat(registry.get("schematic.datastream.entity.wait.timeouts").functionCounter().count())
                .isEqualTo(local.status().entityWaitTimeouts());
        assertThat(registry.get("schematic.datastream.reconnects").functionCounter().count())
                .isEqualTo(local.status().reconnects());

        Map<String, Object> dataStream = devUi.getDataStream();
        assertThat(dataStream).containsEntry("state", "connected");
        assertThat(dataStream.get("flags").toString()).contains("ds-plan-gate", "ds-default-on");
        assertThat(dataStream.get("companies").toString()).contains("comp_ds_acme", "ds-acme");
    }

    /** The requests for the company with this key value among the messages received after {@code since}. */
    private static long companyRequests(int since, String keyValue) {
        List<JsonNode> received = DataStreamStub.received();
        return received.subList(since, received.size()).stream()
                .filter(message -> message.path("data").path("entity_type").asText().equals("rulesengine.Company"))
                .filter(message -> message.path("data").path("keys").toString().contains("\"" + keyValue + "\""))
                .count();
    }
}
