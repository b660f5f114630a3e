package io.quarkiverse.schematic.runtime.context;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Runtime-init check of the caller-context mapping, so that a mapping the application cannot serve fails start-up
 * while the resolver itself is created with the first request that asks for the context.
 */
@Recorder
public class CallerContextRecorder {

    private final RuntimeValue<SchematicConfig> config;

    public CallerContextRecorder(RuntimeValue<SchematicConfig> config) {
        this.config = config;
    }

    /**
     * Fails start-up when {@code quarkus.schematic.context.*} needs what the application lacks.
     *
     * @param headers whether the application has request headers to read (an HTTP server)
     * @param identity whether it has the caller's identity (Quarkus security)
     * @param claims whether it has token claims (quarkus-smallrye-jwt)
     */
    public void checkMapping(boolean headers, boolean identity, boolean claims) {
        ConfiguredContextResolver.check(config.getValue().context(), headers, identity, claims);
    }
}
