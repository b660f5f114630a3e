package io.quarkiverse.schematic;

/**
 * Base of every exception thrown by the Schematic extension. Messages never contain the API key or the webhook
 * secret.
 */
public class SchematicException extends RuntimeException {

    public SchematicException(String message) {
        super(message);
    }

    public SchematicException(String message, Throwable cause) {
        super(message, cause);
    }
}
