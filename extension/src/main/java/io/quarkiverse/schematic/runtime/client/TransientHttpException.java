package io.quarkiverse.schematic.runtime.client;

import java.time.Duration;

import io.quarkiverse.schematic.SchematicHttpException;

/**
 * An HTTP 408, 429 or 5xx answer: worth another attempt while the call's retry budget lasts. Users see it as a
 * {@link SchematicHttpException}; the retry predicate and the backoff strategy read the rest.
 */
public final class TransientHttpException extends SchematicHttpException {

    private final Duration retryAfter;
    private final boolean retryAllowed;

    public TransientHttpException(String operation, int statusCode, String body, Duration retryAfter,
            boolean retryAllowed) {
        super(operation, statusCode, body);
        this.retryAfter = retryAfter;
        this.retryAllowed = retryAllowed;
    }

    /** The delay Schematic asked for with {@code Retry-After}, or {@code null}. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the call's budget allows another attempt. */
    boolean retryAllowed() {
        return retryAllowed;
    }
}
