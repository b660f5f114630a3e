package io.quarkiverse.schematic;

/**
 * The circuit breaker is open: recent calls to Schematic failed, so this one was not attempted.
 */
public class SchematicUnavailableException extends SchematicException {

    public SchematicUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
