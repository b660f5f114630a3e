package io.quarkiverse.schematic.benchmarks.clients.ours;

import java.util.Map;

import io.quarkiverse.schematic.SchematicService;
import io.quarkiverse.schematic.benchmarks.clients.FlagClient;

/** Our extension, called exactly as an application calls it. */
public record SchematicFlagClient(SchematicService schematic) implements FlagClient {

    @Override
    public boolean check(String flag, Map<String, String> company, Map<String, String> user) {
        return schematic.checkFlag(flag, company, user);
    }
}
