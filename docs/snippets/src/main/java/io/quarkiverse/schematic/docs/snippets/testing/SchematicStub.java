package io.quarkiverse.schematic.docs.snippets.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

// tag::testing-stub[]
public class SchematicStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/flags/new-dashboard/check")).willReturn(okJson(
                "{\"data\":{\"flag\":\"new-dashboard\",\"value\":true,\"reason\":\"stub\"}}")));
        server.stubFor(post(urlPathEqualTo("/batch")).willReturn(ok()));
        return Map.of("quarkus.schematic.api-key", "test-key",
                "quarkus.schematic.base-url", server.baseUrl(),
                "quarkus.schematic.event-capture-url", server.baseUrl(),
                "quarkus.schematic.events.flush-interval", "200ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
// end::testing-stub[]
