package io.quarkiverse.schematic.runtime.webhook;

import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.schematic.webhook.SchematicWebhook;
import io.quarkiverse.schematic.webhook.SchematicWebhookEvent;

/**
 * The zero-code endpoint at {@code quarkus.schematic.webhook.path}: the filter verifies the delivery, this fires it
 * as a CDI event and answers 200. It has no {@code @Path}: the deployment registers it at the configured path.
 * <p>
 * It runs on a worker thread, so observers may block. An observer that throws makes the answer a 500, so Schematic
 * treats the delivery as failed.
 */
@Singleton
@SchematicWebhook
public class BuiltInWebhookResource {

    private final Event<SchematicWebhookEvent> events;

    public BuiltInWebhookResource(Event<SchematicWebhookEvent> events) {
        this.events = events;
    }

    @POST
    public Response receive(SchematicWebhookEvent event) {
        events.fire(event);
        return Response.ok().build();
    }
}
