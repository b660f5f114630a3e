package io.quarkiverse.schematic.docs.snippets.testing;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.webhook.WebhookSigner;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhookSigningTest {

    @Test
    void signedDelivery() {
        // tag::testing-webhook-signing[]
        WebhookSigner signer = WebhookSigner.create("test-webhook-secret"); // = quarkus.schematic.webhook.secret
        byte[] body = "{\"action\":\"company.updated\",\"body\":{\"id\":\"comp_1\"}}".getBytes(UTF_8);

        given().headers(signer.headers(body)) // X-Schematic-Webhook-Signature and -Timestamp, now
                .contentType("application/json").body(body)
                .post("/hooks/schematic")
                .then().statusCode(204);
        // end::testing-webhook-signing[]
    }
}
