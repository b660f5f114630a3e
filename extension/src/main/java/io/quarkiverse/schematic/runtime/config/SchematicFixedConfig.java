package io.quarkiverse.schematic.runtime.config;

import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configuration fixed when the application is built and read again at runtime: the build decides whether the
 * application needs a Redis client, the runtime what to read from it.
 */
@ConfigMapping(prefix = ConfigNames.PREFIX)
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface SchematicFixedConfig {

    /**
     * Local evaluation.
     */
    @ConfigDocSection
    LocalEvaluationFixedConfig localEvaluation();

    interface LocalEvaluationFixedConfig {
        /**
         * Replicator mode.
         */
        ReplicatorFixedConfig replicator();
    }

    interface ReplicatorFixedConfig {
        /**
         * Whether flags, companies and users are read from the Redis that Schematic's replicator
         * ({@code schematic-replicator}) fills, instead of a DataStream connection of this instance: no WebSocket,
         * local evaluation from Redis (with a near cache in this process) while the replicator's readiness endpoint
         * says ready, the REST API otherwise. Turns local evaluation on unless
         * {@code quarkus.schematic.local-evaluation.enabled=false}. Needs the {@code io.quarkus:quarkus-redis-client}
         * extension (the client named by {@code quarkus.schematic.cache.redis.client-name}); without it the build
         * fails.
         */
        @WithDefault("false")
        boolean enabled();
    }
}
