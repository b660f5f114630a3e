package io.quarkiverse.schematic.test.webhook;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.schematic.webhook.SchematicWebhookEvent;
import io.quarkiverse.schematic.webhook.WebhookCompany;
import io.quarkiverse.schematic.webhook.WebhookSigner;
import io.quarkiverse.schematic.webhook.WebhookVerifier;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The built-in endpoint ({@code quarkus.schematic.webhook.path}) and CDI observers: each valid delivery is observed
 * exactly once, a rejected one never.
 */
class WebhookEndpointTest {

    private static final String PATH = "/schematic/webhook";
    private static final String OLD_SECRET = "whsec_old_secret_being_rotated";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Deliveries.class, Payloads.class))
            .overrideConfigKey("quarkus.schematic.offline", "true")
            // A random port: other builds may be running tests on this machine.
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.schematic.webhook.path", PATH)
            .overrideConfigKey("quarkus.schematic.webhook.secret", Payloads.SECRET)
            .overrideConfigKey("quarkus.schematic.webhook.previous-secret", OLD_SECRET)
            .overrideConfigKey("quarkus.schematic.webhook.max-body-size", "64K")
            // The build-time root shares its prefix with the runtime one: neither may call the other's keys unknown.
            .setLogRecordPredicate(record -> String.valueOf(record.getMessage()).contains("Unrecognized configuration"))
            .assertLogRecords(records -> assertThat(records).isEmpty());

    @Inject
    Deliveries deliveries;

    @Inject
    WebhookVerifier verifier;

    final WebhookSigner signer = WebhookSigner.create(Payloads.SECRET);

    @BeforeEach
    void clear() {
        deliveries.clear();
    }

    private int post(byte[] body, Map<String, String> headers) {
        return given().headers(headers).contentType("application/json").body(body).post(PATH).then().extract()
                .statusCode();
    }

    @Test
    void validDeliveryIsObservedExactlyOnceAsATypedEvent() {
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        assertThat(post(Payloads.UNICODE, signer.headers(Payloads.UNICODE, sentAt))).isEqualTo(200);

        assertThat(deliveries.received()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("company.updated");
            assertThat(event.company()).contains(new WebhookCompany("comp_1", "Zoë Ünïcødé 😀 日本語 ✓",
                    Map.of(), Map.of("seats", 40)));
            assertThat(event.deliveredAt()).contains(sentAt);
            assertThat(event.rawBody()).isEqualTo(Payloads.UNICODE);
        });
    }

    @Test
    void eachDeliveryIsObservedOnce() {
        byte[] user = "{\"action\":\"user.created\",\"body\":{\"id\":\"user_1\"}}".getBytes(UTF_8);

        assertThat(post(Payloads.UNICODE, signer.headers(Payloads.UNICODE))).isEqualTo(200);
        assertThat(post(user, signer.headers(user))).isEqualTo(200);
        assertThat(post(user, signer.headers(user))).isEqualTo(200);

        assertThat(deliveries.received()).extracting(SchematicWebhookEvent::type)
                .containsExactly("company.updated", "user.created", "user.created");
    }

    @Test
    void rejectedDeliveriesAreNeverObserved() {
        Map<String, String> unsigned = new HashMap<>(signer.headers(Payloads.UNICODE));
        unsigned.remove(WebhookVerifier.SIGNATURE_HEADER);
        Map<String, String> nonHex = new HashMap<>(signer.headers(Payloads.UNICODE));
        nonHex.put(WebhookVerifier.SIGNATURE_HEADER, "x".repeat(64));
        byte[] tampered = Payloads.UNICODE.clone();
        tampered[20] ^= 1;
        byte[] tooLarge = Payloads.ofSize(64 * 1024 + 1);
        byte[] notJson = "not json".getBytes(UTF_8);

        assertThat(post(Payloads.UNICODE, unsigned)).isEqualTo(401);
        assertThat(post(Payloads.UNICODE, nonHex)).isEqualTo(401);
        assertThat(post(tampered, signer.headers(Payloads.UNICODE))).isEqualTo(401);
        assertThat(post(Payloads.UNICODE, signer.headers(Payloads.UNICODE, Instant.now().minus(1, ChronoUnit.HOURS))))
                .isEqualTo(401);
        assertThat(post(Payloads.UNICODE, WebhookSigner.create("whsec_wrong").headers(Payloads.UNICODE)))
                .isEqualTo(401);
        assertThat(post(tooLarge, signer.headers(tooLarge))).isEqualTo(413);
        assertThat(post(notJson, signer.headers(notJson))).isEqualTo(400);

        assertThat(deliveries.received()).isEmpty();
    }

    @Test
    void previousSecretIsAcceptedDuringRotation() {
        assertThat(post(Payloads.UNICODE, WebhookSigner.create(OLD_SECRET).headers(Payloads.UNICODE))).isEqualTo(200);

        assertThat(deliveries.received()).hasSize(1);
    }

    @Test
    void configuredVerifierCanBeInjectedToVerifyByHand() {
        Map<String, String> headers = signer.headers(Payloads.UNICODE);

        assertThatCode(() -> verifier.verify(Payloads.UNICODE, headers.get(WebhookVerifier.SIGNATURE_HEADER),
                headers.get(WebhookVerifier.TIMESTAMP_HEADER))).doesNotThrowAnyException();
        assertThat(verifier.toString()).contains("secrets=2").doesNotContain(Payloads.SECRET);
    }
}
