package io.quarkiverse.schematic.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import io.quarkiverse.schematic.webhook.WebhookVerificationException.Reason;

/**
 * Verifies that a webhook delivery was signed by Schematic with your webhook secret and is recent.
 * <p>
 * Immutable and thread-safe; needs no Quarkus container:
 *
 * <pre>
 * WebhookVerifier verifier = WebhookVerifier.create(secret);
 * verifier.verify(rawBody, request.getHeader(WebhookVerifier.SIGNATURE_HEADER),
 *         request.getHeader(WebhookVerifier.TIMESTAMP_HEADER));
 * </pre>
 *
 * In a Quarkus application the verifier configured by {@code quarkus.schematic.webhook.*} can be injected.
 */
public final class WebhookVerifier {

    /** Header carrying the lowercase hex HMAC-SHA256 of the delivery. */
    public static final String SIGNATURE_HEADER = "X-Schematic-Webhook-Signature";
    /** Header carrying the time of the delivery in seconds since the epoch; it is part of the signed message. */
    public static final String TIMESTAMP_HEADER = "X-Schematic-Webhook-Timestamp";
    /** How old (or how far in the future) a timestamp may be unless configured otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final int SIGNATURE_HEX_LENGTH = 64;
    private static final HexFormat HEX = HexFormat.of();

    private final List<WebhookMac> macs;
    /** {@code null} when the timestamp is not checked against the clock. */
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(List<WebhookMac> macs, Duration tolerance, Clock clock) {
        this.macs = List.copyOf(macs);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** A verifier for this secret, accepting timestamps within {@link #DEFAULT_TOLERANCE} of the system clock. */
    public static WebhookVerifier create(String secret) {
        return new WebhookVerifier(List.of(new WebhookMac(secret)), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** A copy accepting timestamps at most this far in the past or the future; must be positive. */
    public WebhookVerifier withTolerance(Duration tolerance) {
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isZero() || tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must be positive, was " + tolerance
                    + "; use withoutTimestampCheck() to accept any timestamp");
        }
        return new WebhookVerifier(macs, tolerance, clock);
    }

    /**
     * A copy that accepts any timestamp, as the official Schematic SDKs do. The timestamp is still part of the
     * signature, but an old delivery can then be replayed.
     */
    public WebhookVerifier withoutTimestampCheck() {
        return new WebhookVerifier(macs, null, clock);
    }

    /**
     * A copy that also accepts deliveries signed with this secret, for the time a secret rotation takes.
     */
    public WebhookVerifier withPreviousSecret(String previousSecret) {
        List<WebhookMac> all = new ArrayList<>(macs);
        all.add(new WebhookMac(previousSecret));
        return new WebhookVerifier(all, tolerance, clock);
    }

    /** A copy that reads the current time from this clock (for tests). */
    public WebhookVerifier withClock(Clock clock) {
        return new WebhookVerifier(macs, tolerance, Objects.requireNonNull(clock, "clock"));
    }

    /** Verifies a text body, encoded as UTF-8. See {@link #verify(byte[], String, String)}. */
    public void verify(String body, String signature, String timestamp) {
        verify(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8), signature, timestamp);
    }

    /**
     * Verifies a delivery.
     *
     * @param body the raw request body, exactly as received
     * @param signature the value of the {@value #SIGNATURE_HEADER} header, or {@code null}
     * @param timestamp the value of the {@value #TIMESTAMP_HEADER} header, or {@code null}
     * @throws WebhookVerificationException when the delivery must be rejected; its {@code reason()} says why
     */
    public void verify(byte[] body, String signature, String timestamp) {
        Objects.requireNonNull(body, "body");
        if (signature == null || signature.isBlank()) {
            throw new WebhookVerificationException(Reason.MISSING_SIGNATURE,
                    "The webhook delivery has no " + SIGNATURE_HEADER + " header");
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw new WebhookVerificationException(Reason.MISSING_TIMESTAMP,
                    "The webhook delivery has no " + TIMESTAMP_HEADER + " header");
        }
        byte[] provided = decode(signature);
        if (!matchesAnySecret(body, timestamp, provided)) {
            throw new WebhookVerificationException(Reason.SIGNATURE_MISMATCH,
                    "The webhook signature does not match the body, the timestamp and the secret");
        }
        if (tolerance != null) {
            checkAge(timestamp);
        }
    }

    /**
     * Verifies a delivery and parses its body.
     *
     * @throws WebhookVerificationException when the delivery must be rejected
     * @throws WebhookPayloadException when the verified body is not a JSON object
     */
    public SchematicWebhookEvent verifyAndParse(byte[] body, String signature, String timestamp) {
        verify(body, signature, timestamp);
        return SchematicWebhookEvent.parse(body, timestamp);
    }

    private static byte[] decode(String signature) {
        if (signature.length() != SIGNATURE_HEX_LENGTH) {
            throw malformedSignature();
        }
        try {
            return HEX.parseHex(signature);
        } catch (IllegalArgumentException e) {
            throw malformedSignature();
        }
    }

    private static WebhookVerificationException malformedSignature() {
        return new WebhookVerificationException(Reason.MALFORMED_SIGNATURE,
                "The webhook signature is not " + SIGNATURE_HEX_LENGTH + " hexadecimal characters");
    }

    // Every secret is tried, without stopping at the first match, and each comparison is constant-time, so the time
    // taken says nothing about how much of the signature was right.
    private boolean matchesAnySecret(byte[] body, String timestamp, byte[] provided) {
        boolean matched = false;
        for (WebhookMac mac : macs) {
            matched |= MessageDigest.isEqual(mac.compute(body, timestamp), provided);
        }
        return matched;
    }

    private void checkAge(String timestamp) {
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_TIMESTAMP,
                    "The webhook timestamp is not a number of seconds since the epoch");
        }
        long skewSeconds;
        try {
            skewSeconds = Math.subtractExact(clock.instant().getEpochSecond(), sentAt);
        } catch (ArithmeticException e) {
            skewSeconds = sentAt > 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE; // absurdly far either way
        }
        if (Math.abs(skewSeconds) > tolerance.toSeconds()) {
            String when = skewSeconds > 0 ? skewSeconds + " s old" : -skewSeconds + " s in the future";
            throw new WebhookVerificationException(Reason.TIMESTAMP_OUTSIDE_TOLERANCE,
                    "The webhook timestamp is " + when + ", outside the tolerance of " + tolerance.toSeconds() + " s");
        }
    }

    @Override
    public String toString() {
        return "WebhookVerifier[secrets=" + macs.size() + ", tolerance=" + (tolerance == null ? "none" : tolerance)
                + "]";
    }
}
