package io.quarkiverse.schematic.benchmarks.startup;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** The event-capture service as the extension's contract describes it: one method, bounded by {@code @Timeout}. */
@RegisterRestClient(configKey = PlainEventsApi.CONFIG_KEY)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
public interface PlainEventsApi {

    String CONFIG_KEY = "plain-events";

    @POST
    @Path("/batch")
    Uni<Void> send(Batch batch);

    record Batch(List<Map<String, Object>> events) {
    }
}
