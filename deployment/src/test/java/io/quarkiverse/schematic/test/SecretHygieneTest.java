package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
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

import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.AccessToken;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.SchematicAccounts;
import io.quarkiverse.schematic.SchematicClientErrorException;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.webhook.WebhookSigner;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The API key, the webhook secret and temporary access tokens never reach a log line or an exception message, even at
 * DEBUG with REST Client request/response logging on (bodies included), every call failing, and webhook deliveries
 * accepted and refused.
 */
class SecretHygieneTest {

    static final String WEBHOOK_SECRET = "whsec_hygiene_5d41402abc4b2a76";
    static final String ACCESS_TOKEN = "tat_hygiene_9b2c64d1e0f7a3b8";
    static final Logger LOG = Logger.getLogger(SecretHygieneTest.class);
    static final java.util.List<String> DEBUG_CATEGORIES = java.util.List.of("io.quarkiverse", "io.quarkus.rest.client",
            "org.jboss.resteasy.reactive.client.logging", "io.quarkus.resteasy.reactive");

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app(AccountCall.class)
            .overrideConfigKey("quarkus.log.category.\"io.quarkus.rest.client\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"io.quarkiverse\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG")
            .overrideConfigKey("quarkus.rest-client.logging.scope", "request-response")
            // the per-client scopes are what turns logging on for the Schematic clients: the extension sets their
            // masked headers, and a client with logging settings of its own does not inherit the global scope
            .overrideConfigKey("quarkus.rest-client.schematic.logging.scope", "request-response")
            .overrideConfigKey("quarkus.rest-client.schematic-events.logging.scope", "request-response")
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
                // request logging really ran, bodies and all: the event batch (with the key inside) and the token
                assertThat(records).map(SecretHygieneTest::text)
                        .anySatisfy(line -> assertThat(line).contains("Request: POST", "/batch", "\"api_key\":\"****\""))
                        .anySatisfy(line -> assertThat(line).contains("Response: POST", "/temporary-access-tokens",
                                "\"token\":\"****\""));
                assertThat(records).allSatisfy(record -> assertThat(text(record))
                        .doesNotContain(SchematicStub.API_KEY).doesNotContain(WEBHOOK_SECRET)
                        .doesNotContain(ACCESS_TOKEN));
            });

    @Inject
    SchematicService schematic;

    @Inject
    SchematicAccounts accounts;

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

    @Test
    void accessTokenAppearsInTheAnswerOnly() {
        stub.register(post(urlPathEqualTo("/temporary-access-tokens")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"tok_1\",\"token\":\"" + ACCESS_TOKEN + "\",\"expired_at\":\"2026-01-02T03:19:05Z\"},"
                + "\"params\":{}}")));

        AccessToken token = accounts.issueAccessToken(Map.of("id", "acme"));

        assertThat(token.token()).isEqualTo(ACCESS_TOKEN);
        LOG.debugf("issued %s", token);
    }

    @Test
    void failingAccountCallsKeepTheKeyToTheWire() {
        stub.register(any(anyUrl()).willReturn(aResponse().withStatus(403).withBody("{\"error\":\"Forbidden\"}")));

        for (AccountCall call : AccountCall.values()) {
            Throwable failure = catchThrowable(() -> call.invoke(accounts));
            assertThat(failure).as(call.name()).isInstanceOf(SchematicClientErrorException.class);
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(t.toString()).doesNotContain(SchematicStub.API_KEY);
            }
            stub.verifyThat(call.requested().withHeader(SchematicStub.API_KEY_HEADER,
                    WireMock.equalTo(SchematicStub.API_KEY)));
        }
    }

    private static String text(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return message + (record.getThrown() == null ? "" : " " + record.getThrown());
    }
}
