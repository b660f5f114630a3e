package io.quarkiverse.schematic.docs.snippets.webhooks;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.webhook.WebhookSigner;
import io.quarkus.test.junit.QuarkusTest;

// tag::webhooks-test[]
@QuarkusTest
class SchematicHooksTest {

    // the same value as quarkus.schematic.webhook.secret in src/test/resources/application.properties
    WebhookSigner signer = WebhookSigner.create("test-webhook-secret");

    @Test
    void acceptsASignedDelivery() {
        byte[] body = "{\"action\":\"company.updated\",\"body\":{\"id\":\"comp_1\"}}".getBytes(UTF_8);

        given().headers(signer.headers(body)) // signature + current timestamp
                .contentType("application/json").body(body)
                .post("/hooks/schematic")
                .then().statusCode(204);
    }

    @Test
    void rejectsAStaleDelivery() {
        byte[] body = "{}".getBytes(UTF_8);
        given().headers(signer.headers(body, Instant.now().minus(Duration.ofHours(1))))
                .body(body).post("/hooks/schematic")
                .then().statusCode(401);
    }
}
// end::webhooks-test[]
