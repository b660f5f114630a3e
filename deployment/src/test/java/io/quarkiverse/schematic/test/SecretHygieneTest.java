package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.webhook.WebhookSigner;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The API key and the webhook secret never reach a log line or an exception message, even at DEBUG with REST Client
 * request logging on, every call failing, and webhook deliveries accepted and refused.
 */
class SecretHygieneTest {

    static final String WEBHOOK_SECRET = "whsec_hygiene_5d41402abc4b2a76";
    static final java.util.List<String> DEBUG_CATEGORIES = java.util.List.of("io.quarkiverse", "io.quarkus.rest.client",
            "org.jboss.resteasy.reactive.client.logging", "io.quarkus.resteasy.reactive");

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.log.category.\"io.quarkus.rest.client\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"io.quarkiverse\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG")
            .overrideConfigKey("quarkus.rest-client.logging.scope", "request-response")
            .overrideConfigKey("quarkus.rest-client.logging.body-limit", "10000")
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "50ms")
            .overrideConfigKey("quarkus.schematic.webhook.secret", WEBHOOK_SECRET)
            .overrideConfigKey("quarkus.schematic.webhook.path", "/hooks/schematic")
            .overrideConfigKey("quarkus.log.category.\"io.quarkus.resteasy.reactive\".level", "DEBUG")
            // everything the application logs; the stub server (Jetty, WireMock) and the test's WireMock client
            // (Apache HttpClient) log the header values they handle, which is not the application's doing
            .setLogRecordPredicate(record -> record.getLoggerName() == null
                    || !(record.getLoggerName().startsWith("org.eclipse.jetty")
                            || record.getLoggerName().startsWith("org.apache.hc")
                            || record.getLoggerName().toLowerCase().contains("wiremock")))
            // logger levels are global to the JVM: put them back so later test classes do not log at DEBUG
            .setAfterAllCustomizer(() -> {
                DEBUG_CATEGORIES.forEach(category -> java.util.logging.Logger.getLogger(category).setLevel(null));
                SchematicStub.stopServer();
            })
            // runs after the test: every record of the whole run, all levels
            .assertLogRecords(records -> {
                assertThat(records).as("log records captured").hasSizeGreaterThan(5);
                assertThat(records).allSatisfy(record -> assertThat(text(record))
                        .doesNotContain(SchematicStub.API_KEY).doesNotContain(WEBHOOK_SECRET));
            });

    @Inject
    SchematicService schematic;

    final WireMock stub = SchematicStub.client();

    @Test
    void apiKeyAppearsOnTheWireOnlyNeverInLogsOrExceptions() {
        stub.register(post(anyUrl()).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"Invalid API key\"}")));

        assertThat(schematic.checkFlagDetails("beta", Map.of("id", "acme"), null).error()).contains("401");
        Throwable upsert = catchThrowable(() -> schematic.upsertCompany(CompanyUpsert.keys(Map.of("id", "acme"))));
        schematic.track(Track.event("api-call").company(Map.of("id", "acme")));
        schematic.flush();

        stub.verifyThat(postRequestedFor(urlPathEqualTo("/flags/beta/check"))
                .withHeader(SchematicStub.API_KEY_HEADER, WireMock.equalTo(SchematicStub.API_KEY)));
        assertThat(upsert).isNotNull();
        for (Throwable t = upsert; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SchematicStub.API_KEY);
            assertThat(t.toString()).doesNotContain(SchematicStub.API_KEY);
        }
    }

    @Test
    void webhookSecretNeverLeaks() {
        String body = "{\"action\":\"company.updated\",\"body\":{\"id\":\"comp_1\"}}";
        Map<String, String> headers = WebhookSigner.create(WEBHOOK_SECRET).headers(body);

        given().headers(headers).body(body).post("/hooks/schematic").then().statusCode(200);
        String refused = given().headers(headers).body(body + " ").post("/hooks/schematic")
                .then().statusCode(401).extract().asString();
        given().header("X-Schematic-Webhook-Timestamp", "1").header("X-Schematic-Webhook-Signature", "zz")
                .body(body).post("/hooks/schematic").then().statusCode(401);

        assertThat(refused).doesNotContain(WEBHOOK_SECRET)
                .doesNotContain(
                        WebhookSigner.create(WEBHOOK_SECRET).sign(body + " ", headers.get("X-Schematic-Webhook-Timestamp")));
    }

    private static String text(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return message + (record.getThrown() == null ? "" : " " + record.getThrown());
    }
}
