package io.quarkiverse.schematic.runtime.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A {@link SchematicConfig} (or {@link SchematicFixedConfig}) from property pairs, as Quarkus would map them, for tests without
 * an application.
 */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** The mapping of these {@code name, value} pairs (everything else at its default). */
    public static SchematicConfig schematic(String... keyValues) {
        return mapping(SchematicConfig.class, keyValues);
    }

    /** The build-and-runtime-fixed mapping of these {@code name, value} pairs. */
    public static SchematicFixedConfig fixed(String... keyValues) {
        return mapping(SchematicFixedConfig.class, keyValues);
    }

    private static <T> T mapping(Class<T> type, String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new SmallRyeConfigBuilder()
                // both roots share the prefix: each must see the other's properties as mapped
                .withMapping(SchematicConfig.class)
                .withMapping(SchematicFixedConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withDefaultValues(values)
                .build()
                .getConfigMapping(type);
    }
}
