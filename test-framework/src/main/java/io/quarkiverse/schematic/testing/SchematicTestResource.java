package io.quarkiverse.schematic.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the application under test in offline mode: no Schematic server, no dev service, flags answer from their
 * defaults (which {@link SchematicTestKit} sets per test) and events are recorded by the kit instead of sent.
 * <p>
 * Flag values for the whole test class can be given as arguments named {@code flag.<flag-key>}:
 *
 * <pre>
 * &#64;WithTestResource(value = SchematicTestResource.class, initArgs = &#64;ResourceArg(name = "flag.new-dashboard", value = "true"))
 * </pre>
 */
public class SchematicTestResource implements QuarkusTestResourceLifecycleManager {

    static final String FLAG_PREFIX = "flag.";

    private final Map<String, String> config = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        initArgs.forEach((name, value) -> {
            if (!name.startsWith(FLAG_PREFIX) || name.length() == FLAG_PREFIX.length()) {
                throw new IllegalArgumentException("SchematicTestResource argument '" + name
                        + "' is not understood; use flag.<flag-key>=true|false");
            }
            config.put("quarkus.schematic.flag-defaults.\"" + name.substring(FLAG_PREFIX.length()) + "\"", value);
        });
    }

    @Override
    public Map<String, String> start() {
        config.put("quarkus.schematic.offline", "true");
        return Map.copyOf(config);
    }

    @Override
    public void stop() {
        // nothing was started
    }
}
