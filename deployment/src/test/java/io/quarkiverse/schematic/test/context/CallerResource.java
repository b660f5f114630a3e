package io.quarkiverse.schematic.test.context;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.schematic.FlagDisabledException;
import io.quarkiverse.schematic.FlagValue;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.RequiresFlag;
import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.SchematicFlag;
import io.quarkiverse.schematic.SchematicService;
import io.smallrye.mutiny.Uni;

/** Endpoints that show the caller's context and use it, blocking and reactive, gated and not. */
@Path("/caller")
public class CallerResource {

    @Inject
    SchematicService schematic;

    @Inject
    ReactiveSchematicService reactive;

    @Inject
    GatedReports reports;

    @Inject
    @SchematicFlag("beta")
    FlagValue beta;

    @GET
    @Path("/blocking")
    public String blocking() {
        return describe(schematic.callerContext()) + " beta=" + schematic.checkFlagForCaller("beta");
    }

    @GET
    @Path("/reactive")
    public Uni<String> reactive() {
        SchematicContext caller = reactive.callerContext();
        return reactive.checkFlagForCaller("beta").map(on -> describe(caller) + " beta=" + on);
    }

    @GET
    @Path("/live")
    public String live() {
        return "beta=" + beta.get() + " source=" + beta.details().source();
    }

    @GET
    @Path("/gated")
    @RequiresFlag("beta")
    public String gated() {
        return "ran";
    }

    @GET
    @Path("/gated-reactive")
    @RequiresFlag("beta")
    public Uni<String> gatedReactive() {
        return Uni.createFrom().item("ran reactive");
    }

    @GET
    @Path("/down-default-on")
    @RequiresFlag("down-on")
    public String downDefaultOn() {
        return "ran with default";
    }

    @GET
    @Path("/down-no-default")
    @RequiresFlag("down-off")
    public String downNoDefault() {
        return "ran without default";
    }

    @GET
    @Path("/export")
    @RequiresFlag(value = "exports", usageParam = "rows")
    public String export(@QueryParam("rows") Long rows) {
        return "exported " + rows;
    }

    @GET
    @Path("/export-reactive")
    @RequiresFlag(value = "exports", usageParam = "rows")
    public Uni<String> exportReactive(@QueryParam("format") String format, @QueryParam("rows") int rows) {
        return Uni.createFrom().item("exported " + rows + " as " + format);
    }

    @GET
    @Path("/reports")
    public String reports() {
        try {
            return reports.monthly();
        } catch (FlagDisabledException refused) {
            return "refused " + refused.flag();
        }
    }

    static String describe(SchematicContext context) {
        return "company=" + context.company() + " user=" + context.user();
    }
}
