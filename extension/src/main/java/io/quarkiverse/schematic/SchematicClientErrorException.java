package io.quarkiverse.schematic;

/**
 * Schematic rejected the request with a 4xx status other than 408 and 429 (bad input, bad API key, unknown
 * resource). Sending the same request again will not help, so it is never retried.
 */
public class SchematicClientErrorException extends SchematicHttpException {

    public SchematicClientErrorException(String operation, int statusCode, String body) {
        super(operation, statusCode, body);
    }
}
