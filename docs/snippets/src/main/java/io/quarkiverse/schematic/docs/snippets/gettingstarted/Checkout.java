package io.quarkiverse.schematic.docs.snippets.gettingstarted;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.schematic.RequestOptions;
import io.quarkiverse.schematic.SchematicService;

// tag::request-path-deadline[]
@ApplicationScoped
public class Checkout {

    private final SchematicService schematic;

    Checkout(SchematicService schematic) {
        // an uncached check waits at most 300 ms for Schematic, with one attempt; then the flag default answers
        this.schematic = schematic.withOptions(RequestOptions.timeout(Duration.ofMillis(300)).maxRetries(0));
    }

    public boolean expressShipping(Map<String, String> company) {
        return schematic.checkFlag("express-shipping", company, Map.of());
    }
}
// end::request-path-deadline[]
