package io.quarkiverse.schematic;

/**
 * Schematic answered with an HTTP error status.
 */
public class SchematicHttpException extends SchematicException {

    private final int statusCode;
    private final String body;

    public SchematicHttpException(String operation, int statusCode, String body) {
        super(operation + " failed: HTTP " + statusCode + describe(body));
        this.statusCode = statusCode;
        this.body = body;
    }

    private static String describe(String body) {
        return body == null || body.isBlank() ? "" : ": " + body;
    }

    /**
     * The HTTP status code of the response.
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The body of the response as text, possibly empty (for example {@code {"error":"Not found"}}).
     */
    public String body() {
        return body;
    }

    /**
     * Whether Schematic may succeed if the same request is sent again: 408, 429 and 5xx.
     */
    public boolean isTransient() {
        return statusCode == 408 || statusCode == 429 || statusCode >= 500;
    }
}
