package io.quarkiverse.schematic.test.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicConnectionException;
import io.quarkiverse.schematic.SchematicException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.SchematicTimeoutException;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.test.SchematicStub;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Each fault between the extension and Schematic: checks answer within their budget from cache or defaults,
 * upserts raise the documented exception, events are delivered once the fault clears, each with a stable
 * idempotency key.
 */
class FaultInjectionTest {

    /** One attempt may take the timeout; with one retry and its backoff, plus slack for a busy machine. */
    static final Duration CHECK_BUDGET = Duration.ofMillis(2 * 400 + 1_000 + 1_200);

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app(Fault.class)
            .overrideConfigKey("quarkus.schematic.timeout", "400ms")
            .overrideConfigKey("quarkus.schematic.max-retries", "1")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.enabled", "false")
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "100ms")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"guarded\"", "true");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicCore core;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
        core.flags().cache().clear();
    }

    /** Fault names, not values: QuarkusUnitTest runs the test in another class loader than JUnit's. */
    static Stream<String> faults() {
        return Arrays.stream(Fault.values()).map(Enum::name);
    }

    @ParameterizedTest
    @MethodSource("faults")
    void flagChecksAnswerWithinBudgetWithoutThrowing(String faultName) {
        Fault fault = Fault.valueOf(faultName);
        SchematicStub.flag(stub, "cached", true);
        schematic.checkFlag("cached", Map.of("id", "acme"), null);
        stub.register(post(anyUrl()).willReturn(fault.answer));

        long started = System.nanoTime();
        FlagCheck fromCache = schematic.checkFlagDetails("cached", Map.of("id", "acme"), null);
        FlagCheck fromDefault = schematic.checkFlagDetails("guarded", Map.of("id", "acme"), null);
        FlagCheck noDefault = schematic.checkFlagDetails("unguarded", Map.of("id", "acme"), null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(fromCache.source()).isEqualTo(FlagSource.CACHE);
        assertThat(fromCache.value()).isTrue();
        assertThat(fromDefault.value()).isTrue();
        assertThat(noDefault.value()).isFalse();
        if (fault != Fault.HUGE_RESPONSE) {
            assertThat(fromDefault.source()).isEqualTo(FlagSource.DEFAULT);
            assertThat(fromDefault.error()).isNotBlank();
        }
        // two remote checks, each within its budget
        assertThat(took).isLessThan(CHECK_BUDGET.multipliedBy(2));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void upsertsRaiseTheDocumentedException(String faultName) {
        Fault fault = Fault.valueOf(faultName);
        stub.register(post(anyUrl()).willReturn(fault.answer));

        Throwable failure = catchThrowable(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))));

        Class<? extends SchematicException> expected = switch (fault) {
            case STALL_BEFORE_HEADERS, STALL_MID_BODY, SLOW_DRIP -> SchematicTimeoutException.class;
            case TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE -> SchematicHttpException.class;
            default -> SchematicConnectionException.class;
        };
        assertThat(failure).isInstanceOf(expected);
    }

    @ParameterizedTest
    @MethodSource("faults")
    void eventsAreDeliveredOnceTheFaultClears(String faultName) throws Exception {
        Fault fault = Fault.valueOf(faultName);
        stub.register(post(urlPathEqualTo("/batch")).willReturn(fault.answer));
        String run = UUID.randomUUID().toString();
        int events = 30;
        for (int i = 0; i < events; i++) {
            schematic.track(Track.event("fault").company(Map.of("id", "acme")).traits(Map.of("run", run, "i", i)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> core.events().stats().failedSends() > 0
                || !stub.find(postRequestedFor(urlPathEqualTo("/batch"))).isEmpty());

        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));
        await().atMost(Duration.ofSeconds(30)).until(() -> core.events().stats().queued() == 0);

        // every event reached the server, and every copy of one event carries the same idempotency key
        Map<Integer, String> keyOfEvent = new HashMap<>();
        for (JsonNode event : SchematicStub.eventsOf(SchematicStub.batches(stub))) {
            JsonNode traits = event.get("body").get("traits");
            if (!run.equals(traits.get("run").asText())) {
                continue;
            }
            String key = event.get("idempotency_key").asText();
            String previous = keyOfEvent.putIfAbsent(traits.get("i").asInt(), key);
            assertThat(previous == null || previous.equals(key)).as("stable idempotency key").isTrue();
        }
        assertThat(keyOfEvent).hasSize(events);
        assertThat(new java.util.HashSet<>(keyOfEvent.values())).hasSize(events);
    }
}
