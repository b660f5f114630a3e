package io.quarkiverse.schematic.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo app end to end: HTTP in, the extension, HTTP out to a Schematic stub.
 */
@QuarkusTest
@QuarkusTestResource(SchematicWireMock.class)
class DemoAppTest {

    WireMock stub;

    @BeforeEach
    void connect() {
        stub = new WireMock("localhost", ConfigProvider.getConfig().getValue("schematic.stub.port", Integer.class));
        stub.resetMappings();
        stub.resetRequests();
    }

    private void flag(String flag, boolean value) {
        stub.register(post(urlPathEqualTo("/flags/" + flag + "/check")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"flag\":\"" + flag + "\",\"value\":" + value
                        + ",\"reason\":\"Matched rule\",\"flag_id\":\"flag_9\"},\"params\":{}}")));
    }

    @Test
    void checksAFlagForACompanyAndUser() {
        flag("new-dashboard", true);

        given().queryParam("company", "acme").queryParam("user", "jane@acme.com")
                .when().get("/flags/new-dashboard")
                .then().statusCode(200)
                .body("value", equalTo(true))
                .body("source", equalTo("REMOTE"))
                .body("flagId", equalTo("flag_9"));

        stub.verifyThat(postRequestedFor(urlPathEqualTo("/flags/new-dashboard/check"))
                .withHeader(SchematicWireMock.API_KEY_HEADER, WireMock.equalTo(SchematicWireMock.API_KEY))
                .withRequestBody(equalToJson("{\"company\":{\"id\":\"acme\"},\"user\":{\"email\":\"jane@acme.com\"}}")));
    }

    @Test
    void reactiveCheckOnTheEventLoop() {
        flag("reactive-flag", true);

        given().queryParam("company", "acme").when().get("/reactive/flags/reactive-flag")
                .then().statusCode(200).body("value", equalTo(true));
    }

    @Test
    void outageAnswersTheDefault() {
        stub.register(post(urlPathEqualTo("/flags/down/check")).willReturn(aResponse().withStatus(503)));

        given().queryParam("company", "acme").when().get("/flags/down")
                .then().statusCode(200)
                .body("value", equalTo(false))
                .body("source", equalTo("DEFAULT"));
    }

    @Test
    void usageIsBufferedAndDelivered() {
        stub.register(post(urlPathEqualTo("/batch")).willReturn(aResponse().withStatus(200)));

        given().queryParam("quantity", 1500).when().post("/companies/acme/usage").then().statusCode(202);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> stub.verifyThat(postRequestedFor(urlPathEqualTo("/batch"))
                .withRequestBody(WireMock.matchingJsonPath("$.events[0].body.quantity", WireMock.equalTo("1500")))
                .withHeader(SchematicWireMock.API_KEY_HEADER, WireMock.equalTo(SchematicWireMock.API_KEY))));
    }

    @Test
    void upsertErrorsBecomeAnHttpAnswer() {
        stub.register(post(urlPathEqualTo("/companies")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"bad keys\"}")));

        given().queryParam("name", "Acme").when().post("/companies/acme").then().statusCode(400);
    }
}
