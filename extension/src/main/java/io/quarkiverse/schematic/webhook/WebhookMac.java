package io.quarkiverse.schematic.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MAC Schematic puts on a delivery: HMAC-SHA256, keyed with the secret's UTF-8 bytes, over the raw body, a
 * {@code +} and the timestamp header exactly as sent. Shared by the verifier and the signer so both agree byte for
 * byte.
 */
final class WebhookMac {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte SEPARATOR = '+';

    private final SecretKeySpec key;

    WebhookMac(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The webhook secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The 32-byte MAC of this body and timestamp. */
    byte[] compute(byte[] body, String timestamp) {
        Mac mac = newMac();
        mac.update(body);
        mac.update(SEPARATOR);
        mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
        return mac.doFinal();
    }

    // A Mac is not thread-safe and cheap to create, so each computation gets its own.
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide HmacSHA256, so this is a broken JVM, not bad input.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookMac[HmacSHA256]";
    }
}
