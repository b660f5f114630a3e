package io.quarkiverse.schematic.runtime.client;

import java.io.IOException;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JacksonException;

/**
 * Decides which failures {@code @Retry} retries: 408, 429 and 5xx answers while the call's budget lasts, and
 * failures to connect or to read an answer. Not retried: other 4xx, unreadable JSON (the same answer would come
 * again), timeouts (a retry would multiply the wait) and an open circuit breaker.
 */
public class RetryableFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        if (failure instanceof TransientHttpException transientFailure) {
            return transientFailure.retryAllowed();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return false;
            }
            if (cause instanceof IOException || isConnectionClosed(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Vert.x reports a connection closed mid-response with its own exception types, not an IOException. */
    private static boolean isConnectionClosed(Throwable cause) {
        String type = cause.getClass().getName();
        return type.equals("io.vertx.core.http.HttpClosedException")
                || type.equals("io.vertx.core.VertxException") && String.valueOf(cause.getMessage()).contains("closed");
    }
}
