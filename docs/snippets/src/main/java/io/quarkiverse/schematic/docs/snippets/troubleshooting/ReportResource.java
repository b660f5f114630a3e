package io.quarkiverse.schematic.docs.snippets.troubleshooting;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.schematic.ReactiveSchematicService;
import io.smallrye.mutiny.Uni;

// tag::troubleshooting-reactive[]
@Path("/reports")
public class ReportResource {

    @Inject
    ReactiveSchematicService schematic;

    @GET
    @Path("/{company}")
    public Uni<String> report(@PathParam("company") String company) { // runs on the event loop
        return schematic.checkFlag("new-reports", Map.of("id", company), Map.of())
                .map(on -> on ? "new report" : "classic report");
    }
}
// end::troubleshooting-reactive[]
