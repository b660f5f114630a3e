package io.quarkiverse.schematic;

/**
 * Schematic could not be reached: connection refused or reset, DNS failure, TLS failure, or an unreadable
 * response.
 */
public class SchematicConnectionException extends SchematicException {

    public SchematicConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
