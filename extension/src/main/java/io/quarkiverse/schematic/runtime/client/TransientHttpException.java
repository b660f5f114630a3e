package io.quarkiverse.schematic.runtime.client;

import java.time.Duration;

import io.quarkiverse.schematic.SchematicHttpException;

/**
 * An HTTP 408, 429 or 5xx answer: worth another attempt while the call's retry budget lasts. Internal: it travels
 * only between the error mapper, the retry predicate and the backoff strategy. Its cause is the
 * {@link SchematicHttpException} users get: {@link Failures#translate} unwraps it, so no internal type ever reaches a
 * user's catch block.
 */
public final class TransientHttpException extends RuntimeException {

    private final Duration retryAfter;
    private final boolean retryAllowed;

    public TransientHttpException(SchematicHttpException answer, Duration retryAfter, boolean retryAllowed) {
        super(answer.getMessage(), answer);
        this.retryAfter = retryAfter;
        this.retryAllowed = retryAllowed;
    }

    /** The public exception for this answer. */
    public SchematicHttpException answer() {
        return (SchematicHttpException) getCause();
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
