package io.quarkiverse.schematic.benchmarks.scenarios;

import java.util.HashMap;
import java.util.Map;

/** Builds the {@code quarkus.schematic.*} properties of one scenario (the rest is in application.properties). */
final class OursConfig {

    private final Map<String, String> properties = new HashMap<>();

    static OursConfig api(String baseUrl) {
        return new OursConfig().set("base-url", baseUrl).set("event-capture-url", baseUrl);
    }

    OursConfig set(String property, String value) {
        properties.put("quarkus.schematic." + property, value);
        return this;
    }

    Map<String, String> properties() {
        return properties;
    }
}
