package io.quarkiverse.schematic.runtime.webhook;

import java.util.List;

import io.quarkiverse.schematic.runtime.config.SchematicConfig;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Runtime-init checks of webhook reception.
 */
@Recorder
public class WebhookRecorder {

    private final RuntimeValue<SchematicConfig> config;

    public WebhookRecorder(RuntimeValue<SchematicConfig> config) {
        this.config = config;
    }

    /**
     * Fails start-up when endpoints must verify deliveries but no secret is configured: without it every delivery
     * would be rejected, and letting them through unverified is not an option.
     *
     * @param receivers the endpoints that verify deliveries, for the message
     */
    public void requireSecret(List<String> receivers) {
        if (ConfiguredVerifier.secret(config.getValue().webhook()).isEmpty()) {
            throw new ConfigurationException(ConfiguredVerifier.missingSecret(String.join(", ", receivers)));
        }
    }
}
