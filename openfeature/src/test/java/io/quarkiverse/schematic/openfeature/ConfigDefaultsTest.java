package io.quarkiverse.schematic.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.smallrye.config.WithDefault;

/**
 * The extension declares {@code quarkus.schematic.openfeature.*} with its defaults; the provider's own default for
 * plain-Java use must be the same.
 */
class ConfigDefaultsTest {

    @Test
    void theTargetingKeyDefaultIsTheExtensionsDefault() throws NoSuchMethodException {
        WithDefault declared = SchematicConfig.OpenFeatureConfig.class.getMethod("targetingKeyAs")
                .getAnnotation(WithDefault.class);

        assertThat(declared.value()).isEqualTo(ContextMapping.DEFAULT_TARGETING_KEY_AS);
    }
}
