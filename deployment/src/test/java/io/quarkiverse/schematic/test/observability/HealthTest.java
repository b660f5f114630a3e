package io.quarkiverse.schematic.test.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.test.SchematicStub;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The readiness check follows the circuit breaker: UP before any call, DOWN (503) while the breaker refuses calls
 * after an outage, UP again once Schematic answers; the event buffer's counters are in its data.
 */
class HealthTest {

    static final String SCHEMATIC = "checks.find { it.name == 'Schematic' }";

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.max-retries", "0")
            .overrideConfigKey("quarkus.schematic.timeout", "1s")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.request-volume-threshold", "4")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.delay", "1s")
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "100ms");

    @Inject
    SchematicService schematic;

    @Test
    void downWhileTheBreakerIsOpenAndUpAfterRecovery() {
        WireMock stub = SchematicStub.client();
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));

        schematic.track(Track.event("report").company(Map.of("id", "acme")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(SCHEMATIC + ".data.mode", equalTo("online"))
                .body(SCHEMATIC + ".data.'events.accepted'", equalTo(1))
                .body(SCHEMATIC + ".data.'events.delivered'", equalTo(1))
                .body(SCHEMATIC + ".data.'events.queued'", equalTo(0))
                .body(SCHEMATIC + ".data.'events.dropped'", equalTo(0)));

        stub.register(post(urlPathEqualTo("/flags/beta/check")).willReturn(aResponse().withFixedDelay(3_000)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String error = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null).error();
            return error != null && error.contains("circuit breaker is open");
        });

        get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(SCHEMATIC + ".status", equalTo("DOWN"))
                .body(SCHEMATIC + ".data.reason", containsString("circuit breaker is open"))
                .body(SCHEMATIC + ".data.reason", containsString("timeout"))
                .body(SCHEMATIC + ".data.lastFailureOutcome", equalTo("timeout"))
                .body(not(containsString(SchematicStub.API_KEY)));

        SchematicStub.flag(stub, "beta", true);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> schematic.checkFlagDetails("beta", Map.of("id", "acme"), null).source() == FlagSource.REMOTE);

        get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(SCHEMATIC + ".data.failuresSinceAnswer", equalTo(0))
                .body(SCHEMATIC + ".data.lastAnswer", not(equalTo(null)));
        assertThat(schematic.checkFlag("beta", Map.of("id", "acme"), null)).isTrue();
    }
}
