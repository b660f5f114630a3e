package io.quarkiverse.schematic.runtime.webhook;

import java.util.Optional;

import io.quarkiverse.schematic.runtime.config.ConfigNames;
import io.quarkiverse.schematic.runtime.config.WebhookConfig;
import io.quarkiverse.schematic.webhook.WebhookVerifier;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Turns {@code quarkus.schematic.webhook.*} into a {@link WebhookVerifier}.
 */
final class ConfiguredVerifier {

    static final String SECRET_PROPERTY = ConfigNames.WEBHOOK_SECRET;

    private ConfiguredVerifier() {
    }

    /** The configured secret, if it is set and not blank. */
    static Optional<String> secret(WebhookConfig config) {
        return config.secret().filter(secret -> !secret.isBlank());
    }

    /** The problem with a missing secret, naming the property and who needs it; never the value. */
    static String missingSecret(String neededBy) {
        return SECRET_PROPERTY + " is required to verify Schematic webhooks received by " + neededBy
                + ": set it to the signing secret shown for your webhook endpoint in the Schematic dashboard";
    }

    static WebhookVerifier create(WebhookConfig config) {
        String secret = secret(config)
                .orElseThrow(() -> new ConfigurationException(missingSecret("an injected WebhookVerifier")));
        WebhookVerifier verifier = WebhookVerifier.create(secret);
        verifier = config.tolerance().isZero() ? verifier.withoutTimestampCheck()
                : verifier.withTolerance(config.tolerance());
        Optional<String> previous = config.previousSecret().filter(value -> !value.isBlank());
        return previous.isPresent() ? verifier.withPreviousSecret(previous.get()) : verifier;
    }
}
