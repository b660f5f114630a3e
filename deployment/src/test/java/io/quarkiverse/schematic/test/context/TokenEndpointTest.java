package io.quarkiverse.schematic.test.context;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkiverse.schematic.test.SchematicStub;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The token endpoint ({@code quarkus.schematic.access-token.path}) with a custom {@code SchematicContextResolver}: a
 * token only for the caller's own company, whatever the request says; 401, 403; cached until near expiry. The same
 * resolver serves the blocking and reactive endpoints.
 */
class TokenEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest app = SecuredApp.app(TenantResolver.class,
            CallerResource.class, GatedReports.class)
            .overrideConfigKey("quarkus.schematic.access-token.path", "/schematic/token")
            // the app has gates but configures no flag defaults and no dev service flags: no unknown-flag report
            .setLogRecordPredicate(record -> UnknownFlagReportTest.PROCESSOR.equals(record.getLoggerName()))
            .assertLogRecords(records -> assertThat(records).isEmpty());

    final WireMock stub = SchematicStub.client();

    @BeforeEach
    void resetStub() {
        stub.resetRequests();
        stub.resetMappings();
    }

    private void tokens(String token, Instant expiresAt) {
        stub.register(post(urlPathEqualTo("/temporary-access-tokens")).willReturn(SchematicStub.json("{\"data\":{"
                + "\"id\":\"tok_1\",\"token\":\"" + token + "\",\"resource_type\":\"company\","
                + "\"expired_at\":\"" + expiresAt + "\",\"created_at\":\"" + Instant.now() + "\"},\"params\":{}}")
                .withStatus(201)));
    }

    private int tokenRequests() {
        return stub.find(postRequestedFor(urlPathEqualTo("/temporary-access-tokens"))).size();
    }

    @Test
    void anonymousCallerGets401AndNothingIsAsked() {
        tokens("tok-secret", Instant.now().plus(15, ChronoUnit.MINUTES));

        given().post("/schematic/token").then().statusCode(401);
        assertThat(tokenRequests()).isZero();
    }

    @Test
    void callerWithoutCompanyGets403() {
        tokens("tok-secret", Instant.now().plus(15, ChronoUnit.MINUTES));

        ExtractableResponse<Response> refused = given().auth().preemptive().basic("carol", "carol")
                .post("/schematic/token").then().extract();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(tokenRequests()).isZero();
    }

    @Test
    void tokenIsForTheCallersCompanyWhateverTheRequestNamesAndIsCached() {
        Instant expiry = Instant.now().plus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        tokens("tok-acme", expiry);

        // another tenant's keys in the query, a header and the body: ignored
        ExtractableResponse<Response> answer = given().auth().preemptive().basic("alice", "alice")
                .queryParam("company", "globex").queryParam("id", "globex").header("X-Tenant", "globex")
                .contentType("application/json").body("{\"company\":{\"id\":\"globex\"},\"id\":\"globex\"}")
                .post("/schematic/token").then().extract();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.asString()).isEqualTo("{\"token\":\"tok-acme\",\"expiresAt\":\"" + expiry + "\"}");
        stub.verifyThat(1, postRequestedFor(urlPathEqualTo("/temporary-access-tokens"))
                .withRequestBody(equalToJson("{\"resource_type\":\"company\",\"lookup\":{\"id\":\"acme\"}}")));

        // the second call is served from the cache: no request
        given().auth().preemptive().basic("alice", "alice").post("/schematic/token").then().statusCode(200);
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void tokenNearExpiryIsNotReused() {
        // within the default one-minute margin
        tokens("tok-globex", Instant.now().plus(30, ChronoUnit.SECONDS));

        given().auth().preemptive().basic("bob", "bob").post("/schematic/token").then().statusCode(200);
        given().auth().preemptive().basic("bob", "bob").post("/schematic/token").then().statusCode(200);

        assertThat(tokenRequests()).isEqualTo(2);
        stub.verifyThat(2, postRequestedFor(urlPathEqualTo("/temporary-access-tokens"))
                .withRequestBody(equalToJson("{\"resource_type\":\"company\",\"lookup\":{\"id\":\"globex\"}}")));
    }

    @Test
    void customResolverServesBlockingAndReactiveEndpoints() {
        stub.register(post(WireMock.urlPathMatching("/flags/.*/check"))
                .willReturn(SchematicStub.json(SchematicStub.flagJson("beta", true))));

        for (String path : new String[] { "/caller/blocking", "/caller/reactive" }) {
            assertThat(given().auth().preemptive().basic("alice", "alice").get(path).then().statusCode(200).extract()
                    .asString()).isEqualTo("company={id=acme} user={email=alice@example.com} beta=true");
        }
        stub.verifyThat(postRequestedFor(urlPathEqualTo("/flags/beta/check")).withRequestBody(
                equalToJson("{\"company\":{\"id\":\"acme\"},\"user\":{\"email\":\"alice@example.com\"}}")));
    }
}
