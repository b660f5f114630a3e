package io.quarkiverse.schematic.test.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkiverse.schematic.webhook.SchematicWebhook;
import io.quarkiverse.schematic.webhook.SchematicWebhookEvent;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;

/**
 * A user's webhook resource, protected at class level, taking the body in every supported shape and echoing what it
 * received so tests can compare bytes.
 */
@Path("/hook")
@SchematicWebhook
public class HookResource {

    @POST
    @Path("bytes")
    public byte[] bytes(byte[] body) {
        return body;
    }

    @POST
    @Path("string")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public String string(String body) {
        return body;
    }

    @POST
    @Path("stream")
    public byte[] stream(InputStream body) throws IOException {
        return body.readAllBytes();
    }

    @POST
    @Path("json")
    @Consumes(MediaType.APPLICATION_JSON)
    public String json(Map<String, Object> body) {
        return String.valueOf(body.get("action"));
    }

    @POST
    @Path("event")
    public String event(SchematicWebhookEvent event) {
        return event.type() + " " + event.company().map(company -> company.name()).orElse("-") + " "
                + event.rawBody().length;
    }

    /**
     * Returns a Uni, so it runs on the I/O thread, where the filter must read the body without blocking. The header
     * proves which thread it was.
     */
    @POST
    @Path("reactive")
    public Uni<RestResponse<byte[]>> reactive(byte[] body) {
        return Uni.createFrom().item(RestResponse.ResponseBuilder.ok(body)
                .header("X-Blocking-Allowed", BlockingOperationControl.isBlockingAllowed()).build());
    }
}
