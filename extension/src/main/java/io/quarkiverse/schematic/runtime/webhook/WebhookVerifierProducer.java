package io.quarkiverse.schematic.runtime.webhook;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkiverse.schematic.webhook.WebhookVerifier;

/**
 * Makes the verifier configured by {@code quarkus.schematic.webhook.*} injectable, for the filter and for users who
 * verify by hand.
 */
@Singleton
public class WebhookVerifierProducer {

    @Produces
    @Singleton
    WebhookVerifier verifier(SchematicConfig config) {
        return ConfiguredVerifier.create(config.webhook());
    }
}
