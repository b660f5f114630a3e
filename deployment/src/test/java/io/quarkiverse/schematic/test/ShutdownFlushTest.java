package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Stopping the application with 10,000 queued events delivers all of them.
 */
class ShutdownFlushTest {

    static final int EVENTS = 10_000;

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "1h")
            .setAfterAllCustomizer(ShutdownFlushTest::assertEverythingDeliveredThenStop);

    @Inject
    SchematicService schematic;

    @Test
    void queueEventsAndLetTheApplicationStop() {
        // a slow capture service: most of the 10,000 events are still queued when the application stops
        SchematicStub.client().register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(20)));
        for (int i = 0; i < EVENTS; i++) {
            schematic.track(Track.event("shutdown").company(Map.of("id", "acme")).traits(Map.of("i", i)));
        }
    }

    /** Runs after the application stopped, before the stub server goes away. */
    static void assertEverythingDeliveredThenStop() {
        try {
            assertThat(SchematicStub.eventsOf(SchematicStub.batches(SchematicStub.client()))).hasSize(EVENTS);
        } finally {
            SchematicStub.stopServer();
        }
    }
}
