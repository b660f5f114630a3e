package io.quarkiverse.schematic.deployment;

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
