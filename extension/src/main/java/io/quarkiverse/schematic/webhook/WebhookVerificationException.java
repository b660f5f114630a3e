package io.quarkiverse.schematic.webhook;

import io.quarkiverse.schematic.SchematicException;

/**
 * A webhook delivery failed verification. {@link #reason()} says why; the message never contains the secret or the
 * expected signature.
 */
public class WebhookVerificationException extends SchematicException {

    /** Why a delivery was rejected. */
    public enum Reason {
        /** The {@code X-Schematic-Webhook-Signature} header is absent or blank. */
        MISSING_SIGNATURE,
        /** The {@code X-Schematic-Webhook-Timestamp} header is absent or blank. */
        MISSING_TIMESTAMP,
        /** The signature is not 64 hexadecimal characters. */
        MALFORMED_SIGNATURE,
        /** The signature is well-formed but does not match the body, timestamp and secret. */
        SIGNATURE_MISMATCH,
        /** The timestamp is not a number of seconds since the epoch (only checked when a tolerance applies). */
        MALFORMED_TIMESTAMP,
        /** The timestamp is further in the past or the future than the tolerance: a replay or a wrong clock. */
        TIMESTAMP_OUTSIDE_TOLERANCE
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the delivery was rejected. */
    public Reason reason() {
        return reason;
    }
}
