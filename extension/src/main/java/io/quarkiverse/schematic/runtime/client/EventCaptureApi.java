package io.quarkiverse.schematic.runtime.client;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.smallrye.mutiny.Uni;

/**
 * The Schematic event-capture service ({@code quarkus.schematic.event-capture-url}), which receives identify and
 * track events in batches. One attempt per call, bounded by {@code @Timeout}: the event buffer decides what a failed
 * batch becomes (kept and retried with backoff, split, or dropped), so there is no {@code @Retry} here.
 */
@RegisterRestClient(configKey = EventCaptureApi.CONFIG_KEY)
@RegisterProvider(SchematicErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Timeout(value = SchematicConfig.DEFAULT_TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
public interface EventCaptureApi {

    /** Name of the REST client configuration: {@code quarkus.rest-client.schematic-events.*}. */
    String CONFIG_KEY = "schematic-events";

    @POST
    @Path("/batch")
    Uni<Void> send(EventBatch batch);
}
