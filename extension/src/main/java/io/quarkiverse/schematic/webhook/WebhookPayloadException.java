package io.quarkiverse.schematic.webhook;

import io.quarkiverse.schematic.SchematicException;

/**
 * A webhook body is not the JSON object Schematic sends. The message never contains the body.
 */
public class WebhookPayloadException extends SchematicException {

    public WebhookPayloadException(String message) {
        super(message);
    }
}
