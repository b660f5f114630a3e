package io.quarkiverse.schematic;

import java.time.Instant;

/**
 * A short-lived token that lets Schematic's browser components (pricing tables, plan and usage widgets) read the data
 * of one company without the secret API key. Hand it to the browser of a user of that company only.
 * <p>
 * {@link #toString()} never shows the token, so logging the record leaks nothing; pass {@link #token()} explicitly
 * where it must go.
 *
 * @param id Schematic id of the token
 * @param token the token itself: a credential for the company's data until {@code expiresAt}
 * @param expiresAt when Schematic stops accepting the token (about 15 minutes after issue)
 * @param createdAt when Schematic issued the token, may be {@code null}
 */
public record AccessToken(String id, String token, Instant expiresAt, Instant createdAt) {

    /** Whether the token is no longer accepted at {@code instant}. */
    public boolean isExpiredAt(Instant instant) {
        return !instant.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[id=" + id + ", token=***, expiresAt=" + expiresAt + ", createdAt=" + createdAt + "]";
    }
}
