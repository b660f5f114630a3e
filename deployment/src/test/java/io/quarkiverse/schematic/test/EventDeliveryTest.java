package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.quarkus.test.QuarkusUnitTest;

/**
 * identify/track are buffered and delivered in batches with the capture envelope, in order, exactly once.
 */
class EventDeliveryTest {

    static final int BATCH = 10;
    static final int CAPACITY = 50;

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.events.max-batch-size", Integer.toString(BATCH))
            .overrideConfigKey("quarkus.schematic.events.capacity", Integer.toString(CAPACITY))
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "300ms")
            .overrideConfigKey("quarkus.schematic.timeout", "5s");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicCore core;

    final WireMock stub = SchematicStub.client();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));
    }

    private List<JsonNode> deliveredEvents() {
        return SchematicStub.eventsOf(batches());
    }

    private List<LoggedRequest> batches() {
        return SchematicStub.batches(stub);
    }

    @Test
    void eventsGoOutInFullBatchesInOrderWithTheCaptureEnvelope() throws Exception {
        for (int i = 0; i < 25; i++) {
            schematic.track(Track.event("api-call").company(Map.of("id", "acme")).user(Map.of("email", "j@acme.com"))
                    .traits(Map.of("n", i)).quantity(i));
        }
        schematic.flush();

        assertThat(batches()).hasSize(3);
        List<JsonNode> events = deliveredEvents();
        assertThat(events).hasSize(25);
        for (int i = 0; i < 25; i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("type").asText()).isEqualTo("track");
            assertThat(event.get("api_key").asText()).isEqualTo(SchematicStub.API_KEY);
            assertThat(event.get("sent_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            assertThat(event.get("idempotency_key").asText()).hasSize(36);
            JsonNode body = event.get("body");
            assertThat(body.get("event").asText()).isEqualTo("api-call");
            assertThat(body.get("company").get("id").asText()).isEqualTo("acme");
            assertThat(body.get("user").get("email").asText()).isEqualTo("j@acme.com");
            assertThat(body.get("traits").get("n").asInt()).isEqualTo(i);
            assertThat(body.get("quantity").asLong()).isEqualTo(i);
        }
        stub.verifyThat(postRequestedFor(urlPathEqualTo("/batch"))
                .withHeader(SchematicStub.API_KEY_HEADER, equalTo(SchematicStub.API_KEY)));
    }

    @Test
    void identifyCarriesUserAndCompany() throws Exception {
        schematic.identify(Identify.user(Map.of("email", "jane@acme.com")).name("Jane").traits(Map.of("role", "admin"))
                .company(Map.of("id", "acme"), "Acme Inc", Map.of("seats", 40)));
        schematic.track(Track.event("login").user(Map.of("email", "jane@acme.com")));
        schematic.flush();

        List<JsonNode> events = deliveredEvents();
        assertThat(events).hasSize(2);
        JsonNode identify = events.get(0);
        assertThat(identify.get("type").asText()).isEqualTo("identify");
        assertThat(json.writeValueAsString(identify.get("body"))).isEqualTo(
                "{\"keys\":{\"email\":\"jane@acme.com\"},\"name\":\"Jane\",\"traits\":{\"role\":\"admin\"},"
                        + "\"company\":{\"keys\":{\"id\":\"acme\"},\"name\":\"Acme Inc\",\"traits\":{\"seats\":40}}}");
        assertThat(events.get(1).get("body").has("quantity")).as("quantity omitted when not given").isFalse();
    }

    @Test
    void eventOptionsGoOnTheWireOnlyWhenSet() {
        Instant lastMonth = Instant.parse("2026-10-15T09:30:00Z");
        schematic.track(Track.event("api-call").company(Map.of("id", "acme")).quantity(5).idempotencyKey("req-42")
                .sentAt(lastMonth).trustedClientClock(true).backfill(true));
        schematic.track(Track.event("api-call").company(Map.of("id", "acme")).sentAt(lastMonth));
        schematic.track(Track.event("api-call").company(Map.of("id", "acme")).trustedClientClock(true));
        schematic.track(Track.event("api-call").company(Map.of("id", "acme")));
        schematic.identify(Identify.user(Map.of("email", "jane@acme.com")).idempotencyKey("signup-jane"));
        schematic.flush();

        List<JsonNode> events = deliveredEvents();
        assertThat(events).hasSize(5);
        JsonNode backfill = events.get(0);
        assertThat(fieldsOf(backfill)).containsExactlyInAnyOrder("api_key", "type", "body", "sent_at",
                "idempotency_key", "trusted_client_clock", "backfill");
        assertThat(backfill.get("idempotency_key").asText()).isEqualTo("req-42");
        assertThat(backfill.get("sent_at").asText()).isEqualTo("2026-10-15T09:30:00Z");
        assertThat(backfill.get("trusted_client_clock").asBoolean()).isTrue();
        assertThat(backfill.get("backfill").asBoolean()).isTrue();
        assertThat(backfill.get("body").get("quantity").asLong()).isEqualTo(5);

        JsonNode timed = events.get(1);
        assertThat(fieldsOf(timed)).containsExactlyInAnyOrder("api_key", "type", "body", "sent_at", "idempotency_key");
        assertThat(timed.get("sent_at").asText()).isEqualTo("2026-10-15T09:30:00Z");
        assertThat(timed.get("idempotency_key").asText()).hasSize(36);

        JsonNode trusted = events.get(2);
        assertThat(fieldsOf(trusted)).contains("trusted_client_clock").doesNotContain("backfill");
        assertThat(Instant.parse(trusted.get("sent_at").asText())).isAfter(lastMonth);

        JsonNode plain = events.get(3);
        assertThat(fieldsOf(plain)).containsExactlyInAnyOrder("api_key", "type", "body", "sent_at", "idempotency_key");

        JsonNode identify = events.get(4);
        assertThat(identify.get("type").asText()).isEqualTo("identify");
        assertThat(identify.get("idempotency_key").asText()).isEqualTo("signup-jane");
        assertThat(fieldsOf(identify)).doesNotContain("trusted_client_clock", "backfill");
    }

    @Test
    void aBackfillWithoutTrustedClockIsRejectedAndNothingIsQueued() {
        EventStats before = core.events().stats();

        assertThatThrownBy(() -> schematic.track(Track.event("api-call").company(Map.of("id", "acme"))
                .sentAt(Instant.parse("2026-10-15T09:30:00Z")).backfill(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backfill")
                .hasMessageContaining("trustedClientClock");
        schematic.flush();

        assertThat(core.events().stats().accepted()).isEqualTo(before.accepted());
        assertThat(deliveredEvents()).isEmpty();
    }

    private static List<String> fieldsOf(JsonNode event) {
        List<String> names = new java.util.ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theIntervalFlushesWithoutAFullBatch() {
        schematic.track(Track.event("api-call").company(Map.of("id", "acme")));

        await().atMost(Duration.ofSeconds(3)).until(() -> batches().size() == 1);
    }

    @Test
    void aFullBufferDropsAndCountsWithoutLosingWhatItAccepted() throws Exception {
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
        EventStats before = core.events().stats();

        for (int i = 0; i < CAPACITY + 30; i++) {
            schematic.track(Track.event("burst").company(Map.of("id", "acme")).traits(Map.of("i", i)));
        }
        EventStats during = core.events().stats();
        schematic.flush();

        assertThat(during.dropped() - before.dropped()).isGreaterThanOrEqualTo(30);
        long accepted = during.accepted() - before.accepted();
        assertThat(deliveredEvents()).hasSize((int) accepted);
        assertThat(core.events().stats().queued()).isZero();
    }

    @Test
    void aFailedBatchIsRetriedAndEveryEventDeliveredExactlyOnce() throws Exception {
        stub.register(post(urlPathEqualTo("/batch")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        stub.register(post(urlPathEqualTo("/batch")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        for (int i = 0; i < 15; i++) {
            schematic.track(Track.event("retry").company(Map.of("id", "acme")).traits(Map.of("i", i)));
        }
        schematic.flush();
        // one attempt per send: the failed batch waits for its backoff (from the flush interval) and goes again
        await().atMost(Duration.ofSeconds(10)).until(() -> core.events().stats().queued() == 0);

        List<LoggedRequest> sent = batches();
        assertThat(sent.size()).isGreaterThanOrEqualTo(3);
        // what the server accepted: every request but the first, which got the 500
        List<JsonNode> accepted = SchematicStub.eventsOf(sent.subList(1, sent.size()));
        assertThat(accepted).hasSize(15);
        Set<String> keys = new HashSet<>();
        accepted.forEach(event -> keys.add(event.get("idempotency_key").asText()));
        assertThat(keys).hasSize(15);
        assertThat(accepted).extracting(event -> event.get("body").get("traits").get("i").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 15).boxed().toList());
    }

    @Test
    void aWrongAddressKeepsTheEventsAndNamesTheProperty() {
        // nothing at the configured address: no event causes that, so none is dropped
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(404)));
        EventStats before = core.events().stats();

        List<String> warnings;
        try (LogCapture log = LogCapture.of("io.quarkiverse.schematic.runtime.events.EventBuffer")) {
            schematic.track(Track.event("kept").company(Map.of("id", "acme")));
            schematic.flush();
            warnings = log.at(java.util.logging.Level.WARNING);
        }

        assertThat(core.events().stats().queued()).isEqualTo(1);
        assertThat(core.events().stats().rejected()).isEqualTo(before.rejected());
        assertThat(warnings).singleElement().asString().contains("HTTP 404", "quarkus.schematic.event-capture-url");

        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));
        await().atMost(Duration.ofSeconds(10)).until(() -> core.events().stats().queued() == 0);
        assertThat(core.events().stats().delivered() - before.delivered()).isEqualTo(1);
    }

    @Test
    void badEventsAreRejectedAtTheCall() {
        assertThatThrownBy(() -> Track.event(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event");
        assertThatThrownBy(() -> Track.event("x").quantity(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> schematic.track(Track.event("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("company or user");
        // null or empty keys mean "no keys": accepted by the builder, still refused when neither is left
        assertThatThrownBy(() -> schematic.track(Track.event("x").company(Map.of()).user(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("company or user");
        assertThatThrownBy(() -> Identify.user(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys");
        assertThatThrownBy(() -> Track.event("x").company(Map.of("id", " "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("company");
    }
}
