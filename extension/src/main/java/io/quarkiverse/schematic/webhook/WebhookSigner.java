package io.quarkiverse.schematic.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a payload the way Schematic does, so tests can send deliveries that a {@link WebhookVerifier} (or an
 * endpoint protected by {@link SchematicWebhook}) accepts:
 *
 * <pre>
 * byte[] body = "{\"action\":\"company.updated\",\"body\":{\"id\":\"comp_1\"}}".getBytes(UTF_8);
 * given().headers(WebhookSigner.create("my-test-secret").headers(body))
 *         .contentType("application/json").body(body)
 *         .post("/webhooks/schematic").then().statusCode(200);
 * </pre>
 *
 * Immutable and thread-safe; needs no Quarkus container.
 */
public final class WebhookSigner {

    private static final HexFormat HEX = HexFormat.of();

    private final WebhookMac mac;
    private final Clock clock;

    private WebhookSigner(WebhookMac mac, Clock clock) {
        this.mac = mac;
        this.clock = clock;
    }

    /** A signer for this secret that stamps deliveries with the system clock. */
    public static WebhookSigner create(String secret) {
        return new WebhookSigner(new WebhookMac(secret), Clock.systemUTC());
    }

    /** A copy that stamps deliveries with this clock's time. */
    public WebhookSigner withClock(Clock clock) {
        return new WebhookSigner(mac, Objects.requireNonNull(clock, "clock"));
    }

    /** The value of the {@value WebhookVerifier#SIGNATURE_HEADER} header for this body and timestamp header. */
    public String sign(byte[] body, String timestamp) {
        return HEX.formatHex(mac.compute(Objects.requireNonNull(body, "body"), Objects.requireNonNull(timestamp,
                "timestamp")));
    }

    /** {@link #sign(byte[], String)} for a text body encoded as UTF-8. */
    public String sign(String body, String timestamp) {
        return sign(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8), timestamp);
    }

    /** Both headers of a delivery of this body sent now. */
    public Map<String, String> headers(byte[] body) {
        return headers(body, clock.instant());
    }

    /** Both headers of a delivery of this text body (UTF-8) sent now. */
    public Map<String, String> headers(String body) {
        return headers(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8));
    }

    /** Both headers of a delivery of this body sent at this time (whole seconds). */
    public Map<String, String> headers(byte[] body, Instant sentAt) {
        String timestamp = Long.toString(sentAt.getEpochSecond());
        return Map.of(WebhookVerifier.SIGNATURE_HEADER, sign(body, timestamp), WebhookVerifier.TIMESTAMP_HEADER,
                timestamp);
    }

    @Override
    public String toString() {
        return "WebhookSigner[HmacSHA256]";
    }
}
