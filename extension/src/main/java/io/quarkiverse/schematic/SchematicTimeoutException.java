package io.quarkiverse.schematic;

/**
 * Schematic did not answer within the configured or requested timeout.
 */
public class SchematicTimeoutException extends SchematicException {

    public SchematicTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
