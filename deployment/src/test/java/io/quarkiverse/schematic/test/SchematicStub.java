package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A real HTTP server (WireMock) on localhost playing Schematic, and the application configuration pointing at it.
 * <p>
 * QuarkusUnitTest loads the test class twice (JUnit's class loader, then Quarkus'), so the server is started once
 * before the application by a before-all customizer, its port travels as a system property, and tests talk to it
 * through WireMock's HTTP admin client, which works from either class loader.
 */
public final class SchematicStub {

    public static final String API_KEY = "sch_test_key_0123456789abcdef";
    /** The header Schematic reads the API key from: written out here, so a wrong constant in main code fails. */
    public static final String API_KEY_HEADER = "X-Schematic-Api-Key";
    static final String PORT_PROPERTY = "schematic.stub.port";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer server;

    private SchematicStub() {
    }

    /** An application with the extension pointed at the stub, fast retries, and the given test classes. */
    public static QuarkusUnitTest app(Class<?>... classes) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(SchematicStub.class, LogCapture.class).addClasses(classes))
                .setBeforeAllCustomizer(SchematicStub::startServer)
                .setAfterAllCustomizer(SchematicStub::stopServer)
                .overrideConfigKey("quarkus.schematic.api-key", API_KEY)
                .overrideConfigKey("quarkus.schematic.base-url", "http://localhost:${" + PORT_PROPERTY + "}")
                .overrideConfigKey("quarkus.schematic.event-capture-url", "http://localhost:${" + PORT_PROPERTY + "}")
                .overrideConfigKey("quarkus.schematic.retry-delay", "10ms");
    }

    static void startServer() {
        int port = freePort();
        server = new WireMockServer(wireMockConfig().port(port).containerThreads(40));
        server.start();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
    }

    static void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
        System.clearProperty(PORT_PROPERTY);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client of the running stub: register answers, verify what went over the wire. */
    public static WireMock client() {
        return new WireMock("localhost", Integer.getInteger(PORT_PROPERTY));
    }

    /** The event batches the stub received, in the order it received them. */
    public static List<LoggedRequest> batches(WireMock stub) {
        return stub.find(postRequestedFor(urlPathEqualTo("/batch")));
    }

    /** The events inside these batch requests, in order. */
    public static List<JsonNode> eventsOf(List<LoggedRequest> batches) {
        List<JsonNode> events = new ArrayList<>();
        for (LoggedRequest batch : batches) {
            if (batch.getBodyAsString().isEmpty()) {
                continue;
            }
            try {
                JSON.readTree(batch.getBodyAsString()).get("events").forEach(events::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    /** The JSON of a flag-check answer in Schematic's envelope. */
    public static String flagJson(String flag, boolean value) {
        return "{\"data\":" + flagData(flag, value) + ",\"params\":{}}";
    }

    /** One flag-check answer, with a field the extension does not know. */
    public static String flagData(String flag, boolean value) {
        return "{\"flag\":\"" + flag + "\",\"value\":" + value + ",\"reason\":\"Matched standard rule\","
                + "\"flag_id\":\"flag_1\",\"company_id\":\"comp_1\",\"user_id\":\"user_1\",\"rule_id\":\"rule_1\","
                + "\"rule_type\":\"standard\",\"unknown_field\":{\"nested\":[1,2]}}";
    }

    /** A flag-check answer in Schematic's envelope, with these extra fields (JSON members without braces). */
    public static String flagJsonWith(String flag, boolean value, String extraFields) {
        return "{\"data\":{\"flag\":\"" + flag + "\",\"value\":" + value + ",\"reason\":\"Matched plan entitlement\","
                + "\"flag_id\":\"flag_1\",\"company_id\":\"comp_1\"," + extraFields + "},\"params\":{}}";
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Answers {@code POST /flags/{flag}/check} with this value. */
    public static void flag(WireMock stub, String flag, boolean value) {
        stub.register(post(urlPathEqualTo("/flags/" + flag + "/check")).willReturn(json(flagJson(flag, value))));
    }
}
