package io.quarkiverse.schematic.docs.snippets.requestcontext;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.schematic.FlagCheck;
import io.quarkiverse.schematic.FlagValue;
import io.quarkiverse.schematic.ReactiveSchematicService;
import io.quarkiverse.schematic.RequiresFlag;
import io.quarkiverse.schematic.SchematicContext;
import io.quarkiverse.schematic.SchematicFlag;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.smallrye.mutiny.Uni;

/** Examples of docs/request-context.md. */
@Path("/dashboard")
public class DashboardResource {

    @Inject
    SchematicService schematic;

    @Inject
    ReactiveSchematicService reactive;

    // tag::caller-checks[]
    @GET
    @Path("/summary")
    public String summary() {
        SchematicContext caller = schematic.callerContext(); // e.g. company {id=acme}, user {email=jane@acme.com}
        boolean newCharts = schematic.checkFlagForCaller("new-charts"); // for the caller's keys
        FlagCheck details = schematic.checkFlagDetailsForCaller("new-charts"); // with reason and source
        boolean global = schematic.checkFlag("new-charts"); // no keys at all: the flag's default
        return caller.company() + " " + newCharts + " " + details.source() + " " + global;
    }

    @GET
    @Path("/reactive")
    public Uni<Boolean> reactiveSummary() {
        return reactive.checkFlagForCaller("new-charts"); // takes the caller's context when called
    }
    // end::caller-checks[]

    // tag::gate-method[]
    @GET
    @Path("/new")
    @RequiresFlag("new-dashboard") // 403 problem+json for callers without it; the method does not run
    public String newDashboard() {
        return "the new dashboard";
    }
    // end::gate-method[]

    // tag::gate-preflight[]
    @GET
    @Path("/export")
    @RequiresFlag(value = "exports", usageParam = "rows") // would `rows` more be allowed? 403 if not, 400 if missing
    public String export(@QueryParam("rows") Long rows) { // boxed: a missing parameter is null, not 0
        List<String> lines = List.of("id,total", "1,40"); // the export, at most `rows` lines
        // meter what was really exported: the announced `rows` is only the client's word
        schematic.track(Track.event("exports").company(schematic.callerContext().company()).quantity(lines.size()));
        return String.join("\n", lines);
    }
    // end::gate-preflight[]

    // tag::flag-value[]
    @Inject
    @SchematicFlag("beta")
    FlagValue beta; // checked again, for the current caller, on every get()

    @GET
    @Path("/banner")
    public String banner() {
        return beta.get() ? "Try the beta!" : "";
    }
    // end::flag-value[]
}
