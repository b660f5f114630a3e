package io.quarkiverse.schematic.benchmarks.startup;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the reference app: its first answer marks "ready". */
@Path("/hello")
public class HelloResource {

    @GET
    public String hello() {
        return "hello";
    }
}
