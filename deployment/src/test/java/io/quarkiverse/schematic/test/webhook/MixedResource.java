package io.quarkiverse.schematic.test.webhook;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkiverse.schematic.webhook.SchematicWebhook;

/** Only one method is protected: the binding applies per method too, and nowhere else. */
@Path("/mixed")
public class MixedResource {

    @POST
    @Path("open")
    public String open(String body) {
        return "open";
    }

    @POST
    @Path("signed")
    @SchematicWebhook
    public String signed(String body) {
        return "signed";
    }
}
