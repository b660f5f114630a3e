package io.quarkiverse.schematic.runtime.client;

import io.quarkiverse.schematic.SchematicConnectionException;
import io.quarkiverse.schematic.SchematicException;
import io.quarkiverse.schematic.SchematicHttpException;
import io.quarkiverse.schematic.SchematicTimeoutException;
import io.quarkiverse.schematic.SchematicUnavailableException;

/**
 * How a call to Schematic ended, in a few stable words: fit for a metric tag or a health reason, because unlike an
 * exception message it never carries a response body or a URL.
 */
public enum ApiOutcome {

    SUCCESS("success"),
    /** Schematic refused the API key: HTTP 401 or 403 (see {@link ApiKeyRefusals}). */
    UNAUTHORIZED("unauthorized"),
    /** Schematic refused the request with another 4xx status that a retry cannot fix (it did answer). */
    CLIENT_ERROR("client-error"),
    /** Schematic answered 5xx, 408 or 429 (the retryable statuses), also after the retries. */
    SERVER_ERROR("server-error"),
    TIMEOUT("timeout"),
    CIRCUIT_OPEN("circuit-open"),
    CONNECTION_ERROR("connection-error"),
    ERROR("error");

    private final String tag;

    ApiOutcome(String tag) {
        this.tag = tag;
    }

    /** The lower-case word used in metric tags and health data. */
    public String tag() {
        return tag;
    }

    /** The outcome of a call that failed with {@code failure}, or {@link #SUCCESS} when it is {@code null}. */
    public static ApiOutcome of(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        SchematicException translated = Failures.translate("call", failure);
        if (translated instanceof SchematicHttpException http) {
            if (ApiKeyRefusals.refusesKey(http.statusCode())) {
                return UNAUTHORIZED;
            }
            return http.isTransient() ? SERVER_ERROR : CLIENT_ERROR;
        }
        if (translated instanceof SchematicTimeoutException) {
            return TIMEOUT;
        }
        if (translated instanceof SchematicUnavailableException) {
            return CIRCUIT_OPEN;
        }
        if (translated instanceof SchematicConnectionException) {
            return CONNECTION_ERROR;
        }
        return ERROR;
    }
}
