package io.quarkiverse.schematic.benchmarks.startup;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.schematic.FlagSource;
import io.quarkiverse.schematic.SchematicService;

/**
 * The endpoint of stack-only, plus the service injected as an application would. {@code /hello/flag} is the first
 * use, timed by the benchmark after start-up has been measured.
 */
@Path("/hello")
public class HelloResource {

    @Inject
    SchematicService schematic;

    @GET
    public String hello() {
        return "hello";
    }

    /** One flag check; Schematic is unreachable, so the answer is the flag's default. */
    @GET
    @Path("/flag")
    public String flag() {
        FlagSource source = schematic.checkFlagDetails("new-dashboard", Map.of("id", "acme"), Map.of()).source();
        return source.name();
    }
}
