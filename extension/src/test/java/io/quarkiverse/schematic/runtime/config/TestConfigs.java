package io.quarkiverse.schematic.runtime.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A {@link SchematicConfig} from property pairs, as Quarkus would map them, for tests without an application. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** The mapping of these {@code name, value} pairs (everything else at its default). */
    public static SchematicConfig schematic(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new SmallRyeConfigBuilder()
                .withMapping(SchematicConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withDefaultValues(values)
                .build()
                .getConfigMapping(SchematicConfig.class);
    }
}
