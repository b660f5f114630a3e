package io.quarkiverse.schematic.docs.snippets.migrating;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;

// tag::migrating-bean[]
@ApplicationScoped
public class Exports {

    private final SchematicService schematic; // no builder, no close(): the extension owns the client

    Exports(SchematicService schematic) {
        this.schematic = schematic;
    }

    public boolean allowed(Map<String, String> company, Map<String, String> user) {
        return schematic.checkFlag("exports", company, user); // was schematic.checkFlag(...) of the SDK
    }

    public void exported(Map<String, String> company, long rows) {
        // was schematic.track("exported-rows", company, null, null, rows)
        schematic.track(Track.event("exported-rows").company(company).quantity(rows));
    }
}
// end::migrating-bean[]
