package io.quarkiverse.schematic.benchmarks.clients.ours;

import java.util.Map;

import io.quarkiverse.schematic.Identify;
import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.Track;
import io.quarkiverse.schematic.benchmarks.clients.EventClient;

/**
 * Our extension, called exactly as an application calls it: building the immutable {@link Track}/{@link Identify}
 * (which validates and copies the keys) is part of what a caller pays, so it is measured too.
 */
public record SchematicEventClient(SchematicService schematic) implements EventClient {

    @Override
    public void identify(Map<String, String> user, String userName, Map<String, String> company,
            String companyName) {
        schematic.identify(Identify.user(user).name(userName).company(company, companyName, Map.of()));
    }

    @Override
    public void track(String event, Map<String, String> company, Map<String, String> user, long quantity) {
        schematic.track(Track.event(event).company(company).user(user).quantity(quantity));
    }

    @Override
    public void flush() {
        schematic.flush();
    }
}
