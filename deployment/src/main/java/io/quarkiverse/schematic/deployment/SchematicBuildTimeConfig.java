package io.quarkiverse.schematic.deployment;

import java.util.Optional;

import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the Schematic extension's integrations with other Quarkus extensions.
 */
@ConfigMapping(prefix = ConfigNames.PREFIX)
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface SchematicBuildTimeConfig {

    /**
     * Readiness health check.
     */
    @ConfigDocSection
    HealthConfig health();

    /**
     * Meters of flag checks, API calls and events.
     */
    @ConfigDocSection
    MetricsConfig metrics();

    /**
     * Where flag checks are cached.
     */
    @ConfigDocSection
    CacheBuildTimeConfig cache();

    interface CacheBuildTimeConfig {
        /**
         * Where flag-check answers are cached: {@code local} in each process, or {@code redis} in a cache shared by
         * every instance of the service (with a small near cache in each process). {@code redis} needs the
         * {@code io.quarkus:quarkus-redis-client} extension; without it the build fails.
         */
        @WithDefault("local")
        CacheBackend backend();

        /**
         * The shared cache, when {@code backend=redis}.
         */
        RedisClientConfig redis();
    }

    interface RedisClientConfig {
        /**
         * Name of the Redis client (the NAME of {@code quarkus.redis.NAME.hosts}) that holds the shared cache, and that
         * replicator mode reads the replicator's keys from; the default client ({@code quarkus.redis.hosts}) when not
         * set.
         */
        Optional<String> clientName();
    }

    /** Where flag-check answers are cached. */
    enum CacheBackend {
        /** In each process (Caffeine). */
        LOCAL,
        /** In Redis, shared by every instance, with a near cache in each process. */
        REDIS
    }

    interface HealthConfig {
        /**
         * Whether a readiness check named {@code Schematic} is published when the application has
         * {@code quarkus-smallrye-health}. It is DOWN while the circuit breaker rejects calls to Schematic after
         * failures, UP otherwise (also in offline mode, and while the DataStream of local evaluation is down), and
         * reports the DataStream's state and the event buffer's counters.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface MetricsConfig {
        /**
         * Whether meters ({@code schematic.*}) are registered when the application has {@code quarkus-micrometer}:
         * flag checks by flag and source, cache hits and misses, API call timings by operation and outcome, event
         * counters, and with local evaluation the DataStream's connection, reconnections, cache sizes and entity
         * wait timeouts.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
