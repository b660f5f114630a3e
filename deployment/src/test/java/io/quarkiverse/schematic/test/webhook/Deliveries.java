package io.quarkiverse.schematic.test.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkiverse.schematic.webhook.SchematicWebhookEvent;

/** A user's observer of webhook events, remembering each one it was given. */
@ApplicationScoped
public class Deliveries {

    private final List<SchematicWebhookEvent> received = new CopyOnWriteArrayList<>();

    void onEvent(@Observes SchematicWebhookEvent event) {
        received.add(event);
    }

    public List<SchematicWebhookEvent> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }
}
