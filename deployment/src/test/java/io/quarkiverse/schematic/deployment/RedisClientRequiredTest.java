package io.quarkiverse.schematic.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkiverse.schematic.runtime.config.SchematicFixedConfig;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The build step that wires Redis, given the build inputs an application without {@code quarkus-redis-client} would
 * give it: the configuration as Quarkus maps it, and capabilities without {@code io.quarkus.redis-client}. This
 * module's test class path has the Redis client (the Redis tests need it), so an application built here always has
 * the capability; calling the step with the inputs of an application without it tests the very decision the build
 * makes, without a second test module and its extra application build.
 */
class RedisClientRequiredTest {

    static final Capabilities WITHOUT_REDIS = new Capabilities(Set.of(Capability.VERTX));
    static final Capabilities WITH_REDIS = new Capabilities(Set.of(Capability.VERTX, Capability.REDIS_CLIENT));

    @Test
    void theSharedCacheWithoutTheRedisClientFailsTheBuildNamingThePropertyAndTheDependency() {
        assertThatThrownBy(() -> build(WITHOUT_REDIS, "quarkus.schematic.cache.backend", "redis"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.schematic.cache.backend=redis")
                .hasMessageContaining("io.quarkus:quarkus-redis-client");
    }

    @Test
    void replicatorModeWithoutTheRedisClientFailsTheBuildNamingThePropertyAndTheDependency() {
        assertThatThrownBy(() -> build(WITHOUT_REDIS, "quarkus.schematic.local-evaluation.replicator.enabled", "true"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("quarkus.schematic.local-evaluation.replicator.enabled=true")
                .hasMessageContaining("io.quarkus:quarkus-redis-client");
    }

    @Test
    void neitherNeedsNoRedisClientAndGeneratesNothing() {
        assertThat(build(WITHOUT_REDIS)).isEmpty();
        assertThat(build(WITH_REDIS)).isEmpty();
    }

    @Test
    void withTheRedisClientTheConnectionBeanIsGenerated() {
        assertThat(build(WITH_REDIS, "quarkus.schematic.local-evaluation.replicator.enabled", "true"))
                .extracting(GeneratedBeanBuildItem::getName)
                .contains(SharedCacheProcessor.CONNECTION_CLASS.replace('.', '/'));
    }

    /** Runs the build step with this configuration; the beans it generated. */
    static List<GeneratedBeanBuildItem> build(Capabilities capabilities, String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SchematicBuildTimeConfig.class)
                .withMapping(SchematicFixedConfig.class)
                // the runtime roots share the prefix; they play no part in the build step
                .withValidateUnknown(false)
                .withDefaultValues(values)
                .build();
        List<GeneratedBeanBuildItem> generated = new ArrayList<>();
        new SharedCacheProcessor().redisConnection(config.getConfigMapping(SchematicBuildTimeConfig.class),
                config.getConfigMapping(SchematicFixedConfig.class), capabilities, generated::add, item -> {
                }, item -> {
                });
        return generated;
    }
}
