package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.runtime.client.SchematicApi;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * While Schematic hangs, the breaker opens and checks answer defaults at once (without entering Fault Tolerance while
 * it is open); after its delay a trial call goes through, and after recovery checks go remote again.
 */
class CircuitBreakerTest {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.max-retries", "0")
            .overrideConfigKey("quarkus.schematic.timeout", TIMEOUT.toMillis() + "ms")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.request-volume-threshold", "4")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.failure-ratio", "0.5")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.delay", "1s")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"beta\"", "true");

    @Inject
    SchematicService schematic;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void opensDuringAnOutageAndClosesAfterRecovery() {
        WireMock stub = SchematicStub.client();
        stub.register(post(urlPathEqualTo("/flags/beta/check"))
                .willReturn(aResponse().withFixedDelay(3_000).withStatus(200)));

        // enough timed-out calls to open the breaker
        for (int i = 0; i < 4; i++) {
            assertThat(schematic.checkFlagDetails("beta", Map.of("id", "acme"), null).source())
                    .isEqualTo(FlagSource.DEFAULT);
        }

        // the breaker the flag checks follow without entering Fault Tolerance (CheckFlagBreaker) is the one that opened
        assertThat(breakers.currentState(SchematicApi.CHECK_FLAG_BREAKER)).isEqualTo(CircuitBreakerState.OPEN);
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            FlagCheck check = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null);
            assertThat(check.value()).isTrue();
            assertThat(check.source()).isEqualTo(FlagSource.DEFAULT);
            assertThat(check.error()).contains("circuit breaker is open");
        }
        Duration hundredChecks = Duration.ofNanos(System.nanoTime() - started);
        assertThat(hundredChecks).isLessThan(TIMEOUT.dividedBy(2));
        // answers of refused checks follow a flag default changed during the outage
        schematic.setFlagDefault("beta", false);
        FlagCheck changed = schematic.checkFlagDetails("beta", Map.of("id", "acme"), null);
        assertThat(changed.value()).isFalse();
        assertThat(changed.error()).contains("circuit breaker is open");

        SchematicStub.flag(stub, "beta", false);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> schematic.checkFlagDetails("beta", Map.of("id", "acme"), null).source() == FlagSource.REMOTE);
        assertThat(schematic.checkFlag("beta", Map.of("id", "acme"), null)).isFalse();
        // the trial call went through Fault Tolerance after the delay and closed the breaker
        assertThat(breakers.currentState(SchematicApi.CHECK_FLAG_BREAKER)).isEqualTo(CircuitBreakerState.CLOSED);
    }
}
