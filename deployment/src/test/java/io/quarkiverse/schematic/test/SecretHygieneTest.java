package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import io.quarkus.test.QuarkusUnitTest;

/**
 * The API key never reaches a log line or an exception message, even at DEBUG with REST Client request logging on
 * and every call failing.
 */
class SecretHygieneTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app()
            .overrideConfigKey("quarkus.log.category.\"io.quarkus.rest.client\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"io.smallrye.faulttolerance\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"io.quarkiverse\".level", "DEBUG")
            .overrideConfigKey("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG")
            .overrideConfigKey("quarkus.rest-client.logging.scope", "request-response")
            .overrideConfigKey("quarkus.rest-client.logging.body-limit", "10000")
            .overrideConfigKey("quarkus.schematic.events.flush-interval", "50ms")
            // everything the application logs; the stub server (Jetty, WireMock) and the test's WireMock client
            // (Apache HttpClient) log the header values they handle, which is not the application's doing
            .setLogRecordPredicate(record -> record.getLoggerName() == null
                    || !(record.getLoggerName().startsWith("org.eclipse.jetty")
                            || record.getLoggerName().startsWith("org.apache.hc")
                            || record.getLoggerName().toLowerCase().contains("wiremock")))
            // runs after the test: every record of the whole run, all levels
            .assertLogRecords(records -> {
                assertThat(records).as("log records captured").hasSizeGreaterThan(5);
                assertThat(records).allSatisfy(record -> assertThat(text(record)).doesNotContain(SchematicStub.API_KEY));
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
                .withHeader("X-Schematic-Api-Key", WireMock.equalTo(SchematicStub.API_KEY)));
        assertThat(upsert).isNotNull();
        for (Throwable t = upsert; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SchematicStub.API_KEY);
            assertThat(t.toString()).doesNotContain(SchematicStub.API_KEY);
        }
    }

    private static String text(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return message + (record.getThrown() == null ? "" : " " + record.getThrown());
    }
}
