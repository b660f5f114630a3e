package io.quarkiverse.schematic.docs.snippets.webhooks;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkiverse.schematic.webhook.SchematicWebhook;
import io.quarkiverse.schematic.webhook.SchematicWebhookEvent;

// tag::webhooks-resource[]
@Path("/hooks/schematic")
@SchematicWebhook
public class SchematicHooks {

    @POST
    public void receive(SchematicWebhookEvent event) {
        // verified before this method runs
    }
}
// end::webhooks-resource[]
