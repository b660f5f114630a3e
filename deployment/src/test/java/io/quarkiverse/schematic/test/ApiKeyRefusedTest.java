package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A key Schematic refuses (401, 403) is loud: one ERROR line naming the property and never the key, readiness DOWN
 * ({@code unauthorized}), a meter; no retry; checks still answer their defaults and events stay queued. The first
 * accepted call brings readiness back.
 */
class ApiKeyRefusedTest {

    static final String SCHEMATIC = "checks.find { it.name == 'Schematic' }";
    static final String REFUSALS_LOG = "io.quarkiverse.schematic.runtime.client.ApiKeyRefusals";
    static final Map<String, String> ACME = Map.of("id", "acme");

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            // without a registry extension the global registry has no backend: counters would stay at 0
            .overrideConfigKey("quarkus.micrometer.export.json.enabled", "true")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"beta\"", "true")
            // the first attempt is the one flush() makes; a retry would come a second later at the earliest
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "1500ms");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicCore core;

    @Inject
    MeterRegistry registry;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
        core.flags().cache().clear();
    }

    private void everythingAnswers(int status) {
        stub.register(post(WireMock.anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Invalid API key\"}")));
    }

    @ParameterizedTest
    @ValueSource(ints = { 401, 403 })
    void aRefusedKeyIsLoudOnceAndChecksAnswerTheirDefaultsWithoutRetry(int status) {
        everythingAnswers(status);
        double refusalsBefore = refusals("api");

        List<String> errors;
        try (LogCapture log = LogCapture.of(REFUSALS_LOG)) {
            FlagCheck check = schematic.checkFlagDetails("beta", ACME, null);

            assertThat(check.value()).isTrue();
            assertThat(check.source()).isEqualTo(FlagSource.DEFAULT);
            assertThat(check.error()).contains("HTTP " + status);
            assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/beta/check")))).as("no retry").hasSize(1);

            // more refusals: still answered, still one request each, and no second ERROR line within the minute
            assertThat(schematic.checkFlag("beta", ACME, null)).isTrue();
            assertThat(schematic.checkFlags(List.of("beta", "other"), ACME, null)).extracting(FlagCheck::value)
                    .containsExactly(true, false);
            assertThat(stub.find(postRequestedFor(WireMock.anyUrl()))).hasSize(3);
            errors = log.at(Level.SEVERE);
        }
        assertThat(errors).singleElement().asString()
                .contains("Schematic refused the API key", "HTTP " + status, "quarkus.schematic.api-key")
                .doesNotContain(SchematicStub.API_KEY);
        assertThat(refusals("api") - refusalsBefore).isEqualTo(3);
        assertThat(registry.find("schematic.api.requests").tag("outcome", "unauthorized").timers())
                .isNotEmpty();

        get("/q/health/ready").then().statusCode(503)
                .body(SCHEMATIC + ".status", equalTo("DOWN"))
                .body(SCHEMATIC + ".data.reason", startsWith("unauthorized"))
                .body(SCHEMATIC + ".data.reason", containsString("HTTP " + status))
                .body(SCHEMATIC + ".data.reason", containsString("quarkus.schematic.api-key"))
                .body(SCHEMATIC + ".data.lastFailureOutcome", equalTo("unauthorized"))
                .body(not(containsString(SchematicStub.API_KEY)));

        keyAcceptedAgain();
    }

    @Test
    void eventsRefusedForTheKeyStayQueuedAndAreDeliveredOnceItIsAccepted() throws Exception {
        everythingAnswers(401);
        EventStats before = core.events().stats();
        double refusalsBefore = refusals("event-capture");

        List<String> errors;
        try (LogCapture log = LogCapture.of(REFUSALS_LOG)) {
            for (int i = 0; i < 3; i++) {
                schematic.track(Track.event("api-call").company(ACME).traits(Map.of("i", i)));
            }
            schematic.flush();
            errors = log.at(Level.SEVERE);
        }

        assertThat(SchematicStub.batches(stub)).as("one attempt, no immediate retry").hasSize(1);
        EventStats refused = core.events().stats();
        assertThat(refused.queued()).isEqualTo(3);
        assertThat(refused.rejected()).isEqualTo(before.rejected());
        assertThat(refused.dropped()).isEqualTo(before.dropped());
        assertThat(errors).singleElement().asString().contains("HTTP 401 from the event-capture service")
                .doesNotContain(SchematicStub.API_KEY);
        assertThat(refusals("event-capture") - refusalsBefore).isEqualTo(1);
        get("/q/health/ready").then().statusCode(503)
                .body(SCHEMATIC + ".data.reason", startsWith("unauthorized"))
                .body(SCHEMATIC + ".data.reason", containsString("event-capture service"));

        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));
        await().atMost(Duration.ofSeconds(10)).until(() -> core.events().stats().queued() == 0);

        // the backoff retry delivered every event once, with the idempotency key it had from the start
        List<JsonNode> sent = SchematicStub.eventsOf(SchematicStub.batches(stub));
        assertThat(sent).hasSize(6);
        Set<String> keys = new HashSet<>();
        sent.forEach(event -> keys.add(event.get("idempotency_key").asText()));
        assertThat(keys).hasSize(3);
        assertThat(core.events().stats().delivered() - before.delivered()).isEqualTo(3);
        get("/q/health/ready").then().statusCode(200).body(SCHEMATIC + ".status", equalTo("UP"));
    }

    /** A call Schematic accepts ends the refusal: readiness is UP again. */
    private void keyAcceptedAgain() {
        stub.resetMappings();
        SchematicStub.flag(stub, "beta", false);
        FlagCheck check = schematic.checkFlagDetails("beta", ACME, null);
        assertThat(check.source()).isEqualTo(FlagSource.REMOTE);
        assertThat(check.value()).isFalse();
        get("/q/health/ready").then().statusCode(200).body(SCHEMATIC + ".status", equalTo("UP"));
    }

    private double refusals(String service) {
        return registry.find("schematic.api.key.refusals").tag("service", service).functionCounter().count();
    }
}
