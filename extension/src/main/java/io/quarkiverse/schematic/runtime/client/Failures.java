package io.quarkiverse.schematic.runtime.client;

import java.io.IOException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.fasterxml.jackson.core.JacksonException;

import io.quarkiverse.schematic.SchematicConnectionException;
import io.quarkiverse.schematic.SchematicException;
import io.quarkiverse.schematic.SchematicTimeoutException;
import io.quarkiverse.schematic.SchematicUnavailableException;

/**
 * Turns whatever a call to Schematic failed with into the matching {@link SchematicException} subtype.
 */
public final class Failures {

    private Failures() {
    }

    public static SchematicException translate(String operation, Throwable failure) {
        if (failure instanceof SchematicException schematic) {
            return schematic;
        }
        if (failure instanceof TransientHttpException transientFailure) {
            return transientFailure.answer();
        }
        if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || failure instanceof io.smallrye.mutiny.TimeoutException
                || failure instanceof java.util.concurrent.TimeoutException) {
            return new SchematicTimeoutException(operation + " timed out", failure);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new SchematicUnavailableException(
                    operation + " not attempted: recent calls to Schematic failed and the circuit breaker is open", failure);
        }
        // a TransientHttpException wrapped by Fault Tolerance or Mutiny is unwrapped here too: its cause is public
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchematicException schematic) {
                return schematic;
            }
            if (cause instanceof JacksonException) {
                return new SchematicConnectionException(operation + " failed: Schematic sent a response that could not be read",
                        failure);
            }
            if (cause instanceof IOException || cause.getClass().getName().startsWith("io.vertx.")) {
                return new SchematicConnectionException(operation + " failed: could not reach Schematic ("
                        + cause.getClass().getSimpleName() + describe(cause) + ")", failure);
            }
        }
        return new SchematicException(operation + " failed: " + failure.getClass().getSimpleName() + describe(failure),
                failure);
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? "" : ": " + cause.getMessage();
    }
}
