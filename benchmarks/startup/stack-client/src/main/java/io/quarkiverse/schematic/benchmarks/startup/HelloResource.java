package io.quarkiverse.schematic.benchmarks.startup;

import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The endpoint of stack-only, plus the two plain clients injected. {@code /hello/flag} is the first call, timed by the
 * benchmark after start-up has been measured, like with-schematic's first flag check. The clients are looked up on
 * first use: injected directly, Quarkus builds both when it creates this resource for the first {@code /hello}
 * answer, while the extension builds its clients with its first call, so this app's start would include work the
 * extension defers.
 */
@Path("/hello")
public class HelloResource {

    @Inject
    @RestClient
    Instance<PlainApi> api;

    @Inject
    @RestClient
    Instance<PlainEventsApi> events;

    @GET
    public String hello() {
        return "hello";
    }

    /** One flag check; the service is unreachable, so the answer is the default, as with-schematic answers. */
    @GET
    @Path("/flag")
    public String flag() {
        try {
            api.get().checkFlag("new-dashboard", new PlainApi.CheckBody(Map.of("id", "acme"), Map.of())).await().indefinitely();
            return "ANSWERED";
        } catch (RuntimeException unreachable) {
            return "DEFAULT";
        }
    }
}
