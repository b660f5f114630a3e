package io.quarkiverse.schematic.openfeature;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * WireMock on a free localhost port playing Schematic's flag-check endpoint. QuarkusUnitTest loads the test class
 * twice, so the server is started by a before-all customizer and its port travels as a system property that the
 * application's {@code base-url} refers to.
 */
final class FlagServer {

    static final String PORT_PROPERTY = "schematic.openfeature.stub.port";
    static final String BASE_URL = "http://localhost:${" + PORT_PROPERTY + "}";

    private static WireMockServer server;

    private FlagServer() {
    }

    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.port()));
    }

    static void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        System.clearProperty(PORT_PROPERTY);
    }

    /** A client of the running server, usable from either class loader. */
    static WireMock client() {
        return new WireMock("localhost", Integer.getInteger(PORT_PROPERTY));
    }

    /** Answers {@code POST /flags/{flag}/check} with this {@code data} object in Schematic's envelope. */
    static void answer(WireMock stub, String flag, String data) {
        stub.register(post(urlPathEqualTo("/flags/" + flag + "/check")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":" + data + ",\"params\":{}}")));
    }
}
