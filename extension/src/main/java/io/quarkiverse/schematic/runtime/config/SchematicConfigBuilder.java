package io.quarkiverse.schematic.runtime.config;

import io.quarkus.runtime.configuration.ConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Adds {@link SchematicClientConfigSource} to the runtime configuration.
 */
public class SchematicConfigBuilder implements ConfigBuilder {

    @Override
    public SmallRyeConfigBuilder configBuilder(SmallRyeConfigBuilder builder) {
        return builder.withSources(new SchematicClientConfigSource());
    }
}
