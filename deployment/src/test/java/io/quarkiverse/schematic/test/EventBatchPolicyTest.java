package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkiverse.schematic.runtime.events.EventStats;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With the default batch size, no request carries more than the 100 events the capture service takes, and a batch
 * refused for what it holds loses only the refused events. The interval timer is out of the way (one hour), so every
 * batch on the wire comes from a full batch or an explicit flush.
 */
class EventBatchPolicyTest {

    static final String BUFFER_LOG = "io.quarkiverse.schematic.runtime.events.EventBuffer";

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "1h");

    @Inject
    SchematicService schematic;

    @Inject
    SchematicCore core;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
    }

    @Test
    void twoHundredFiftyEventsLeaveInBatchesOfAtMostOneHundred() throws Exception {
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));

        for (int i = 0; i < 250; i++) {
            schematic.track(Track.event("api-call").company(Map.of("id", "acme")).traits(Map.of("i", i)));
        }
        schematic.flush();

        List<LoggedRequest> batches = SchematicStub.batches(stub);
        assertThat(batches).extracting(batch -> SchematicStub.eventsOf(List.of(batch)).size())
                .containsExactly(100, 100, 50);
        assertThat(SchematicStub.eventsOf(batches)).extracting(event -> event.get("body").get("traits").get("i").asInt())
                .containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
    }

    @Test
    void aBatchRefusedForWhatItHoldsIsSplitAndOnlyTheRefusedEventsAreDropped() throws Exception {
        // the capture service refuses any request that carries a "poison" event, and takes the others
        stub.register(post(urlPathEqualTo("/batch")).withRequestBody(containing("poison"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid event\"}")));
        stub.register(post(urlPathEqualTo("/batch")).withRequestBody(notContaining("poison"))
                .willReturn(aResponse().withStatus(200)));
        EventStats before = core.events().stats();

        List<String> errors;
        try (LogCapture log = LogCapture.of(BUFFER_LOG)) {
            for (int i = 0; i < 10; i++) {
                schematic.track(Track.event(i == 3 || i == 7 ? "poison" : "api-call").company(Map.of("id", "acme"))
                        .traits(Map.of("i", i)));
            }
            schematic.flush();
            errors = log.at(Level.SEVERE);
        }

        List<LoggedRequest> accepted = stub.find(postRequestedFor(urlPathEqualTo("/batch"))
                .withRequestBody(notContaining("poison")));
        List<JsonNode> delivered = SchematicStub.eventsOf(accepted);
        assertThat(delivered).extracting(event -> event.get("body").get("traits").get("i").asInt())
                .as("every other event delivered once, in order").containsExactly(0, 1, 2, 4, 5, 6, 8, 9);
        // halving isolates each refused event: never more requests than twice the events
        assertThat(SchematicStub.batches(stub).size()).isLessThan(2 * 10);
        EventStats after = core.events().stats();
        assertThat(after.rejected() - before.rejected()).isEqualTo(2);
        assertThat(after.delivered() - before.delivered()).isEqualTo(8);
        assertThat(after.dropped() - before.dropped()).isZero();
        assertThat(after.queued()).isZero();
        assertThat(errors).singleElement().asString().contains("refused 2 event(s)", "HTTP 400", "invalid event")
                .doesNotContain(SchematicStub.API_KEY);
    }
}
