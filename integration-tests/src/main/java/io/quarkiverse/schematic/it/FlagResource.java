package io.quarkiverse.schematic.it;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.schematic.Company;
import io.quarkiverse.schematic.CompanyUpsert;
import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * The demo application: what a user writes to use the extension.
 */
@Path("/")
public class FlagResource {

    @Inject
    SchematicService schematic;

    @Inject
    ReactiveSchematicService reactive;

    /** {@code GET /flags/new-dashboard?company=acme&user=jane@acme.com} */
    @GET
    @Path("/flags/{flag}")
    @Blocking
    public FlagCheck check(@PathParam("flag") String flag, @QueryParam("company") String company,
            @QueryParam("user") String user) {
        return schematic.checkFlagDetails(flag, keys("id", company), keys("email", user));
    }

    /** The same check on the event loop, through the reactive API. */
    @GET
    @Path("/reactive/flags/{flag}")
    public Uni<FlagCheck> checkReactive(@PathParam("flag") String flag, @QueryParam("company") String company) {
        return reactive.checkFlagDetails(flag, keys("id", company), Map.of());
    }

    @GET
    @Path("/flags")
    @Blocking
    public List<FlagCheck> all(@QueryParam("company") String company) {
        return schematic.checkFlags(keys("id", company), Map.of());
    }

    /** Records one API call of a company, metered by quantity. */
    @POST
    @Path("/companies/{company}/usage")
    public Response track(@PathParam("company") String company, @QueryParam("quantity") Long quantity) {
        Track track = Track.event("api-call").company(Map.of("id", company));
        schematic.track(quantity == null ? track : track.quantity(quantity));
        return Response.accepted().build();
    }

    @POST
    @Path("/companies/{company}")
    @Blocking
    public Company upsert(@PathParam("company") String company, @QueryParam("name") String name) {
        CompanyUpsert upsert = CompanyUpsert.keys(Map.of("id", company));
        return schematic.upsertCompany(name == null ? upsert : upsert.name(name));
    }

    private static Map<String, String> keys(String name, String value) {
        return value == null || value.isBlank() ? Map.of() : Map.of(name, value);
    }
}
