package io.quarkiverse.schematic.docs.snippets.gettingstarted;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;

// tag::first-flag[]
@Path("/dashboard")
public class DashboardResource {

    @Inject
    SchematicService schematic;

    @GET
    @Path("/{company}")
    public String dashboard(@PathParam("company") String companyId) {
        Map<String, String> company = Map.of("id", companyId);
        if (schematic.checkFlag("new-dashboard", company, Map.of())) {
            schematic.track(Track.event("dashboard-viewed").company(company));
            return "new dashboard";
        }
        return "classic dashboard";
    }
}
// end::first-flag[]
