package io.quarkiverse.schematic.test.context;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.core.RuntimeExceptionMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.schematic.FlagDisabledException;
import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.test.SchematicStub;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The caller as context over real HTTP: authenticated callers (HTTP basic) whose company comes from a
 * {@code SecurityIdentity} attribute and whose user keys from a request header (as a gateway would set it); the Schematic stub
 * shows which keys each
 * check sent. Gates on resource methods, a resource class and a CDI bean; live injected flags.
 */
class ContextAndGatesTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SecuredApp.app(CallerResource.class,
            GatedClassResource.class, GatedReports.class)
            .overrideConfigKey("quarkus.schematic.context.company.attribute", "tenant")
            .overrideConfigKey("quarkus.schematic.context.user.header", "X-User")
            .overrideConfigKey("quarkus.schematic.context.user.key-name", "username")
            // every check reaches the stub, and failures neither retry nor open the breaker for later tests
            .overrideConfigKey("quarkus.schematic.cache.enabled", "false")
            .overrideConfigKey("quarkus.schematic.max-retries", "0")
            .overrideConfigKey("quarkus.schematic.circuit-breaker.enabled", "false")
            .overrideConfigKey("quarkus.schematic.flag-defaults.\"down-on\"", "true");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SchematicService schematic;

    @Inject
    GatedReports reports;

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void resetStub() {
        stub.resetRequests();
        stub.resetMappings();
        // anything not answered below: off
        stub.register(post(WireMock.urlPathMatching("/flags/.*/check")).atPriority(10)
                .willReturn(SchematicStub.json(SchematicStub.flagJson("any", false))));
        stub.register(post(WireMock.urlPathMatching("/flags/down-.*/check")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    }

    /** {@code flag} is on for the company {@code company} only. */
    private void onFor(String flag, String company) {
        stub.register(post(urlPathEqualTo("/flags/" + flag + "/check")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.company.id", equalTo(company)))
                .willReturn(SchematicStub.json(SchematicStub.flagJson(flag, true))));
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).header("X-User", user);
    }

    /** The company and user keys of the checks of this flag that went over the wire. */
    private JsonNode lastCheckOf(String flag) {
        var checks = stub.find(postRequestedFor(urlPathEqualTo("/flags/" + flag + "/check")));
        assertThat(checks).isNotEmpty();
        LoggedRequest last = checks.get(checks.size() - 1);
        try {
            return JSON.readTree(last.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void blockingEndpointChecksWithTheCallersKeys() {
        onFor("beta", "acme");

        assertThat(as("alice").get("/caller/blocking").then().statusCode(200).extract().asString())
                .isEqualTo("company={id=acme} user={username=alice} beta=true");
        JsonNode sent = lastCheckOf("beta");
        assertThat(sent.get("company").toString()).isEqualTo("{\"id\":\"acme\"}");
        assertThat(sent.get("user").toString()).isEqualTo("{\"username\":\"alice\"}");

        assertThat(as("bob").get("/caller/blocking").then().statusCode(200).extract().asString())
                .isEqualTo("company={id=globex} user={username=bob} beta=false");
        assertThat(lastCheckOf("beta").get("company").toString()).isEqualTo("{\"id\":\"globex\"}");
    }

    @Test
    void reactiveEndpointChecksWithTheCallersKeys() {
        onFor("beta", "acme");

        assertThat(as("alice").get("/caller/reactive").then().statusCode(200).extract().asString())
                .isEqualTo("company={id=acme} user={username=alice} beta=true");
        assertThat(lastCheckOf("beta").get("company").toString()).isEqualTo("{\"id\":\"acme\"}");
    }

    @Test
    void anonymousCallerAndCallerWithoutAttributeHaveNoKeysOfThatKind() {
        assertThat(given().get("/caller/blocking").then().statusCode(200).extract().asString())
                .isEqualTo("company={} user={} beta=false");
        assertThat(as("carol").get("/caller/blocking").then().statusCode(200).extract().asString())
                .isEqualTo("company={} user={username=carol} beta=false");
    }

    @Test
    void outsideARequestTheContextIsEmptyAndChecksUseNoKeys() {
        assertThat(schematic.callerContext()).isEqualTo(SchematicContext.EMPTY);
        assertThat(schematic.checkFlagForCaller("beta")).isFalse();
        JsonNode sent = lastCheckOf("beta");
        assertThat(sent.path("company").size()).isZero();
        assertThat(sent.path("user").size()).isZero();
    }

    @Test
    void gatedMethodRunsWhenTheFlagIsOnAndAnswers403ProblemWhenOff() {
        onFor("beta", "acme");

        assertThat(as("alice").get("/caller/gated").then().statusCode(200).extract().asString()).isEqualTo("ran");
        assertThat(as("alice").get("/caller/gated-reactive").then().statusCode(200).extract().asString())
                .isEqualTo("ran reactive");

        for (String path : new String[] { "/caller/gated", "/caller/gated-reactive" }) {
            ExtractableResponse<Response> refused = as("bob").get(path).then().extract();
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.asString()).isEqualTo("{\"title\":\"Feature not enabled\",\"status\":403,"
                    + "\"detail\":\"The feature 'beta' is not enabled for this caller\",\"flag\":\"beta\"}");
        }
        // the counterpart of OfflineModeTest#noGateNoInjectedFlagNoBeansForThem: with gates the mapper is registered
        assertThat(RuntimeExceptionMapper.getMappers()).containsKey(FlagDisabledException.class);
    }

    @Test
    void gatedClassAppliesToItsMethodsAndAMethodAnnotationReplacesIt() {
        onFor("classy", "globex");
        onFor("beta", "acme");

        assertThat(as("bob").get("/gated-class").then().statusCode(200).extract().asString()).isEqualTo("class ran");
        as("alice").get("/gated-class").then().statusCode(403);
        // the method's flag, not the class's
        assertThat(as("alice").get("/gated-class/override").then().statusCode(200).extract().asString())
                .isEqualTo("override ran");
        as("bob").get("/gated-class/override").then().statusCode(403);
    }

    @Test
    void whenSchematicIsDownTheGateUsesTheFlagDefault() {
        assertThat(as("alice").get("/caller/down-default-on").then().statusCode(200).extract().asString())
                .isEqualTo("ran with default");
        as("alice").get("/caller/down-no-default").then().statusCode(403);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/down-on/check")))).hasSize(1);
    }

    @Test
    void gatedCdiMethodThrowsFlagDisabledExceptionWhenOff() {
        onFor("reports", "acme");

        assertThat(as("alice").get("/caller/reports").then().statusCode(200).extract().asString())
                .isEqualTo("monthly report");
        assertThat(as("bob").get("/caller/reports").then().statusCode(200).extract().asString())
                .isEqualTo("refused reports");
        // outside a request: no keys, the flag is off for them
        assertThatThrownBy(reports::monthly).isInstanceOf(FlagDisabledException.class)
                .hasMessageContaining("reports");
    }

    /** {@code exports} is allowed for up to {@code limit} rows: the stub answers by the preflight usage sent. */
    private void exportsAllowedUpTo(int limit) {
        stub.register(post(urlPathEqualTo("/flags/exports/check")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.preflight[?(@.usage <= " + limit + ")]"))
                .willReturn(SchematicStub.json(SchematicStub.flagJson("exports", true))));
    }

    @Test
    void preflightGateSendsTheUsageOfTheParameterAndAnswers403AboveTheLimit() {
        exportsAllowedUpTo(500);

        assertThat(as("alice").queryParam("rows", 500).get("/caller/export").then().statusCode(200).extract()
                .asString()).isEqualTo("exported 500");
        JsonNode sent = lastCheckOf("exports");
        assertThat(sent.get("preflight").toString()).isEqualTo("{\"usage\":500}");
        assertThat(sent.get("company").toString()).isEqualTo("{\"id\":\"acme\"}");

        ExtractableResponse<Response> refused = as("alice").queryParam("rows", 501).get("/caller/export").then()
                .extract();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("\"flag\":\"exports\"");
        assertThat(lastCheckOf("exports").get("preflight").toString()).isEqualTo("{\"usage\":501}");

        // reactive, an int parameter that is not the first; a preflight answer is never cached: each call asks
        assertThat(as("alice").queryParam("format", "csv").queryParam("rows", 20).get("/caller/export-reactive")
                .then().statusCode(200).extract().asString()).isEqualTo("exported 20 as csv");
        as("alice").queryParam("rows", 900).get("/caller/export-reactive").then().statusCode(403);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/exports/check")))).hasSize(4);
    }

    @Test
    void preflightGateRefusesMissingOrNegativeUsageWith400BeforeAnyCheck() {
        exportsAllowedUpTo(500);

        for (RequestSpecification request : new RequestSpecification[] { as("alice"),
                as("alice").queryParam("rows", -1) }) {
            ExtractableResponse<Response> invalid = request.get("/caller/export").then().extract();
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.contentType()).startsWith("application/problem+json");
            assertThat(invalid.asString()).contains("\"status\":400", "\"parameter\":\"rows\"");
        }
        as("alice").queryParam("rows", -3).get("/caller/export-reactive").then().statusCode(400);
        assertThat(stub.find(postRequestedFor(urlPathEqualTo("/flags/exports/check")))).isEmpty();
    }

    @Test
    void preflightGateOnCdiMethodThrowsIllegalArgumentForNegativeUsage() {
        exportsAllowedUpTo(500);

        // outside a request: no keys, but the stub answers by usage alone
        assertThat(reports.export(10)).isEqualTo("exported 10");
        assertThat(lastCheckOf("exports").get("preflight").toString()).isEqualTo("{\"usage\":10}");
        assertThatThrownBy(() -> reports.export(600)).isInstanceOf(FlagDisabledException.class);
        assertThatThrownBy(() -> reports.export(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rows'");
    }

    @Test
    void injectedFlagValueIsCheckedAgainOnEveryCall() {
        assertThat(as("alice").get("/caller/live").then().statusCode(200).extract().asString())
                .isEqualTo("beta=false source=REMOTE");

        onFor("beta", "acme");

        assertThat(as("alice").get("/caller/live").then().statusCode(200).extract().asString())
                .isEqualTo("beta=true source=REMOTE");
        assertThat(lastCheckOf("beta").get("user").toString()).isEqualTo("{\"username\":\"alice\"}");
    }
}
