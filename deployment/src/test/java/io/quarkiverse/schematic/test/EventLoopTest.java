package io.quarkiverse.schematic.test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.runtime.SchematicCore;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The blocking service called on a real Vert.x event-loop thread never throws: a cold cache answers the flag
 * default at once and fills in the background, so the next check is served from the cache; upserts and flush fail
 * fast with a message naming the reactive service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventLoopTest {

    static final String EVALUATOR_LOG = "io.quarkiverse.schematic.runtime.flags.FlagEvaluator";

    @RegisterExtension
    static final QuarkusUnitTest app = SchematicStub.app(EventLoopRoutes.class)
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"guarded\"", "true");

    @Inject
    SchematicCore core;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void reset() {
        stub.resetMappings();
        stub.resetRequests();
        core.flags().cache().clear();
    }

    @Test
    @Order(1) // the WARN is logged once a minute per application: this test must see the first one
    void aColdCheckAnswersTheDefaultAndTheNextOneComesFromTheCache() {
        // Schematic says false, the default says true: the answer shows who answered
        SchematicStub.flag(stub, "guarded", false);

        List<String> warnings;
        try (LogCapture log = LogCapture.of(EVALUATOR_LOG)) {
            String cold = get("/event-loop/flag/guarded").then().statusCode(200).extract().asString();

            assertThat(cold).startsWith("true guarded true DEFAULT ").contains("event-loop thread",
                    "ReactiveSchematicService");
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> get("/event-loop/flag/guarded").asString(), line -> !line.contains("DEFAULT"));
            warnings = log.at(Level.WARNING);
        }

        assertThat(get("/event-loop/flag/guarded").asString()).isEqualTo("true guarded false CACHE null\n");
        // the answer was fetched once, in the background: repeated cold checks do not pile up requests
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/guarded/check")))).hasSize(1);
        assertThat(warnings).singleElement().asString().contains("SchematicService.checkFlag",
                "ReactiveSchematicService");
    }

    @Test
    void bulkChecksAnswerFromTheCacheOrTheDefaultAndFillTheCache() {
        stub.register(post(urlPathEqualTo("/flags/check")).willReturn(SchematicStub.json("{\"data\":{\"flags\":["
                + SchematicStub.flagData("guarded", false) + "," + SchematicStub.flagData("beta", true) + "]}}")));

        assertThat(get("/event-loop/flags/guarded,beta").then().statusCode(200).extract().asString())
                .contains("true guarded true DEFAULT ", "true beta false DEFAULT ");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/event-loop/flags/guarded,beta").asString(), lines -> !lines.contains("DEFAULT"));

        assertThat(get("/event-loop/flags/guarded,beta").asString())
                .isEqualTo("true guarded false CACHE null\ntrue beta true CACHE null\n");
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/check")))).hasSize(1);
        // every flag at once: the cache cannot tell which flags exist, so the flags with a default answer
        assertThat(get("/event-loop/all-flags").then().statusCode(200).extract().asString())
                .startsWith("true guarded true DEFAULT ");
    }

    @Test
    void preflightPlanAndBulkChecksAnswerTheDefaultsWithoutWaiting() {
        SchematicStub.flag(stub, "guarded", false);

        assertThat(get("/event-loop/preflight/guarded").then().statusCode(200).extract().asString())
                .startsWith("true guarded true DEFAULT ").contains("ReactiveSchematicService");
        assertThat(get("/event-loop/all-flags-details").then().statusCode(200).extract().asString())
                .startsWith("true guarded true DEFAULT ");
        assertThat(get("/event-loop/bulk").then().statusCode(200).extract().asString())
                .matches("(?s)true guarded true DEFAULT [^\\n]*\\ntrue guarded true DEFAULT [^\\n]*\\n");
        // a preflight answer is never cached, and the cache cannot tell which flags exist: nothing to fetch
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> stub.find(postRequestedFor(WireMock.anyUrl())).isEmpty());
    }

    @Test
    void upsertsAndFlushFailFastNamingTheReactiveService() {
        assertThat(get("/event-loop/upsert").then().statusCode(200).extract().asString())
                .startsWith("true java.lang.IllegalStateException: SchematicService.upsertCompany")
                .contains("ReactiveSchematicService.upsertCompany");
        assertThat(get("/event-loop/flush").then().statusCode(200).extract().asString())
                .startsWith("true java.lang.IllegalStateException: SchematicService.flush");
        assertThat(stub.find(postRequestedFor(WireMock.anyUrl()))).isEmpty();
    }
}
