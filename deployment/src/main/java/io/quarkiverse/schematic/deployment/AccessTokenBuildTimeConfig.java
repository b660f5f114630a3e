package io.quarkiverse.schematic.deployment;

import java.util.Optional;

import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/**
 * Build-time configuration of the token endpoint for Schematic's browser components
 * ({@code quarkus.schematic.access-token.*}).
 */
@ConfigMapping(prefix = ConfigNames.PREFIX + ".access-token")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface AccessTokenBuildTimeConfig {

    /**
     * Path of an endpoint that issues temporary access tokens for Schematic's browser components, e.g.
     * {@code /schematic/token}, relative to the REST root path. {@code POST} answers
     * {@code {"token": "...", "expiresAt": "..."}} for the company of the authenticated caller, taken from the
     * request context ({@code quarkus.schematic.context.company.*}) and never from the request; 401 for anonymous
     * callers, 403 for callers without a company. Not set: no endpoint. Requires Quarkus REST.
     */
    Optional<String> path();
}
