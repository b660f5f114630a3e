package io.quarkiverse.schematic.runtime.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.inject.Singleton;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;

import io.quarkiverse.schematic.webhook.SchematicWebhookEvent;
import io.quarkiverse.schematic.webhook.WebhookPayloadException;
import io.quarkiverse.schematic.webhook.WebhookVerifier;

/**
 * Lets a resource take a {@link SchematicWebhookEvent} as its body parameter. It keeps the raw bytes and reads the
 * delivery time from the timestamp header; a body that is not a JSON object is answered with 400.
 */
@Singleton
public class SchematicWebhookEventReader implements MessageBodyReader<SchematicWebhookEvent> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == SchematicWebhookEvent.class;
    }

    @Override
    public SchematicWebhookEvent readFrom(Class<SchematicWebhookEvent> type, Type genericType,
            Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        try {
            return SchematicWebhookEvent.parse(body, httpHeaders.getFirst(WebhookVerifier.TIMESTAMP_HEADER));
        } catch (WebhookPayloadException e) {
            throw new BadRequestException(WebhookProblems.badRequest());
        }
    }
}
