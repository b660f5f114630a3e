package io.quarkiverse.schematic.deployment;

import java.util.Optional;

import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/**
 * Build-time configuration of webhook reception ({@code quarkus.schematic.webhook.*}).
 */
@ConfigMapping(prefix = ConfigNames.PREFIX + ".webhook")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface WebhookBuildTimeConfig {

    /**
     * Path of a built-in endpoint that receives Schematic webhooks, e.g. {@code /schematic/webhook}, relative to the
     * REST root path. Each delivery is verified, fired as a CDI event of type
     * {@code io.quarkiverse.schematic.webhook.SchematicWebhookEvent} and answered with 200. Not set: no built-in
     * endpoint. Requires Quarkus REST ({@code quarkus-rest}) and {@code quarkus.schematic.webhook.secret}.
     */
    Optional<String> path();
}
