package io.quarkiverse.schematic.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays Schematic on localhost for the demo app, in JVM tests and against the packaged jar alike.
 */
public class SchematicWireMock implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "sch_it_key_5f1e2d3c4b5a";
    static final String API_KEY_HEADER = "X-Schematic-Api-Key";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));
        server.start();
        return Map.of(
                "quarkus.schematic.api-key", API_KEY,
                "quarkus.schematic.base-url", server.baseUrl(),
                "quarkus.schematic.event-capture-url", server.baseUrl(),
                "quarkus.schematic.events.flush-interval", "200ms",
                "quarkus.schematic.retry-delay", "10ms",
                "schematic.stub.port", Integer.toString(server.port()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
