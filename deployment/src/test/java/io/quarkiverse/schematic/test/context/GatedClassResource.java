package io.quarkiverse.schematic.test.context;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.schematic.RequiresFlag;

/** A resource gated as a whole; one method names another flag, which replaces the class's. */
@Path("/gated-class")
@RequiresFlag("classy")
public class GatedClassResource {

    @GET
    public String get() {
        return "class ran";
    }

    @GET
    @Path("/override")
    @RequiresFlag("beta")
    public String override() {
        return "override ran";
    }
}
