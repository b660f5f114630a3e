package io.quarkiverse.schematic.test.webhook;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.schematic.runtime.webhook.SchematicWebhookEventReader;
import io.quarkiverse.schematic.runtime.webhook.WebhookRequestFilter;
import io.quarkiverse.schematic.webhook.WebhookSigner;
import io.quarkiverse.schematic.webhook.WebhookVerifier;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Resources annotated with {@code @SchematicWebhook}, over real HTTP: what gets through arrives byte-identical, what
 * does not is answered with 401 or 413 and a body that gives nothing away.
 */
class WebhookFilterTest {

    private static final int ONE_MB = 1024 * 1024;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(HookResource.class, MixedResource.class, Payloads.class))
            .overrideConfigKey("quarkus.schematic.offline", "true")
            // A random port: other builds may be running tests on this machine.
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.schematic.webhook.secret", Payloads.SECRET);

    @TestHTTPResource("/hook/bytes")
    URL bytesUrl;

    @TestHTTPResource("/hook/reactive")
    URL reactiveUrl;

    final WebhookSigner signer = WebhookSigner.create(Payloads.SECRET);

    private ExtractableResponse<Response> post(String path, byte[] body, Map<String, String> headers) {
        return given().headers(headers).contentType("application/json").body(body)
                .post(path).then().extract();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/hook/bytes", "/hook/string", "/hook/stream", "/hook/reactive" })
    void validDeliveryReachesTheResourceByteIdentical(String path) {
        ExtractableResponse<Response> response = post(path, Payloads.UNICODE, signer.headers(Payloads.UNICODE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asByteArray()).isEqualTo(Payloads.UNICODE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/hook/bytes", "/hook/string", "/hook/stream" })
    void oneMegabyteDeliveryReachesTheResourceByteIdentical(String path) {
        byte[] body = Payloads.ofSize(ONE_MB);

        ExtractableResponse<Response> response = post(path, body, signer.headers(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asByteArray()).isEqualTo(body);
    }

    @Test
    void oneMegabyteDeliveryReachesANonBlockingResourceOnTheIoThread() {
        byte[] body = Payloads.ofSize(ONE_MB);

        ExtractableResponse<Response> response = post("/hook/reactive", body, signer.headers(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Blocking-Allowed")).isEqualTo("false");
        assertThat(response.asByteArray()).isEqualTo(body);
    }

    @Test
    void resourceCanTakeJsonOrTheTypedEvent() {
        given().headers(signer.headers(Payloads.UNICODE)).contentType("application/json").body(Payloads.UNICODE)
                .post("/hook/json").then().statusCode(200).body(equalTo("company.updated"));
        given().headers(signer.headers(Payloads.UNICODE)).contentType("application/json").body(Payloads.UNICODE)
                .post("/hook/event").then().statusCode(200)
                .body(equalTo("company.updated Zoë Ünïcødé 😀 日本語 ✓ " + Payloads.UNICODE.length));
    }

    @Test
    void missingSignatureIsRejected() {
        Map<String, String> headers = new HashMap<>(signer.headers(Payloads.UNICODE));
        headers.remove(WebhookVerifier.SIGNATURE_HEADER);
        assertUnauthorized(post("/hook/bytes", Payloads.UNICODE, headers));
    }

    @Test
    void missingTimestampIsRejected() {
        Map<String, String> headers = new HashMap<>(signer.headers(Payloads.UNICODE));
        headers.remove(WebhookVerifier.TIMESTAMP_HEADER);
        assertUnauthorized(post("/hook/bytes", Payloads.UNICODE, headers));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/hook/bytes", "/hook/reactive" })
    void tamperedBodyIsRejected(String path) {
        byte[] tampered = Payloads.UNICODE.clone();
        tampered[tampered.length - 3] ^= 1;
        assertUnauthorized(post(path, tampered, signer.headers(Payloads.UNICODE)));
    }

    @Test
    void staleAndFutureTimestampsAreRejected() {
        Instant now = Instant.now();
        assertUnauthorized(post("/hook/bytes", Payloads.UNICODE,
                signer.headers(Payloads.UNICODE, now.minus(6, ChronoUnit.MINUTES))));
        assertUnauthorized(post("/hook/bytes", Payloads.UNICODE,
                signer.headers(Payloads.UNICODE, now.plus(6, ChronoUnit.MINUTES))));
    }

    @Test
    void nonHexSignatureIsRejected() {
        Map<String, String> headers = new HashMap<>(signer.headers(Payloads.UNICODE));
        headers.put(WebhookVerifier.SIGNATURE_HEADER, "z".repeat(64));
        assertUnauthorized(post("/hook/bytes", Payloads.UNICODE, headers));
    }

    @Test
    void rejectionGivesNeitherTheSecretNorTheExpectedSignatureAway() {
        byte[] tampered = "{\"action\":\"company.deleted\"}".getBytes(UTF_8);
        Map<String, String> headers = signer.headers(Payloads.UNICODE);
        String expected = signer.sign(tampered, headers.get(WebhookVerifier.TIMESTAMP_HEADER));

        ExtractableResponse<Response> response = post("/hook/bytes", tampered, headers);

        assertUnauthorized(response);
        assertThat(response.asString()).doesNotContain(Payloads.SECRET).doesNotContain(expected)
                .doesNotContain(headers.get(WebhookVerifier.SIGNATURE_HEADER));
        assertThat(response.headers().toString()).doesNotContain(Payloads.SECRET).doesNotContain(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/hook/bytes", "/hook/reactive" })
    void oversizedBodyIsRejectedWith413(String path) {
        byte[] body = Payloads.ofSize(ONE_MB + 1);

        ExtractableResponse<Response> response = post(path, body, signer.headers(body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Without a Content-Length the filter counts while reading and stops once over the limit. */
    @Test
    void oversizedChunkedBodyIsRejectedWith413() throws Exception {
        byte[] body = Payloads.ofSize(ONE_MB + 1);
        HttpClient client = HttpClient.newHttpClient();
        for (URL url : new URL[] { bytesUrl, reactiveUrl }) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString()))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            signer.headers(body).forEach(request::header);

            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(url.toString()).isEqualTo(413);
        }
    }

    /** The counterpart of OfflineModeTest#noWebhookReceiverNoVerifyingFilter: here resources receive webhooks. */
    @Test
    void theFilterIsSetUpBecauseResourcesReceiveWebhooks() {
        assertThat(Arc.container().select(WebhookRequestFilter.class).isResolvable()).isTrue();
        assertThat(Arc.container().select(SchematicWebhookEventReader.class).isResolvable()).isTrue();
    }

    @Test
    void bindingAppliesOnlyWhereAnnotated() {
        given().body("{}").post("/mixed/open").then().statusCode(200).body(equalTo("open"));
        assertUnauthorized(given().body("{}").post("/mixed/signed").then().extract());
        given().headers(signer.headers("{}")).body("{}").post("/mixed/signed").then().statusCode(200)
                .body(equalTo("signed"));
    }

    private static void assertUnauthorized(ExtractableResponse<Response> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString())
                .isEqualTo("{\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"Webhook signature verification failed\"}");
    }
}
