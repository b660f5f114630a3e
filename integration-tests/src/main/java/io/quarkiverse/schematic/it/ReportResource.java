package io.quarkiverse.schematic.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.schematic.RequiresFlag;
import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.SchematicService;

/**
 * A feature gated for the caller: the company comes from the {@code tenant} attribute of the authenticated identity,
 * the user from its name (see application.properties).
 */
@Path("/reports")
public class ReportResource {

    @Inject
    SchematicService schematic;

    /** {@code 403} problem+json for callers without {@code reports-v2}. */
    @GET
    @Path("/v2")
    @RequiresFlag("reports-v2")
    public String reportV2() {
        SchematicContext caller = schematic.callerContext();
        return "reports v2 for " + caller.company() + " " + caller.user();
    }
}
