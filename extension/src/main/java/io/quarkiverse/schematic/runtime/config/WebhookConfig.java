package io.quarkiverse.schematic.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/**
 * Runtime configuration of webhook verification ({@code quarkus.schematic.webhook.*}).
 */
public interface WebhookConfig {
    /**
     * Signing secret of your Schematic webhooks. Required when a resource is annotated with
     * {@code @SchematicWebhook} or the built-in endpoint is enabled. Never logged.
     */
    Optional<String> secret();

    /**
     * The signing secret being replaced, still accepted alongside {@code secret} while a secret rotation is under
     * way. Remove it once every delivery signed with it has arrived. Never logged.
     */
    Optional<String> previousSecret();

    /**
     * Maximum age (or skew into the future) of the {@code X-Schematic-Webhook-Timestamp} header; older
     * deliveries are rejected as replays. {@code 0} disables the check (the official Schematic SDKs do not check
     * it).
     */
    @WithDefault("5m")
    Duration tolerance();

    /**
     * Largest accepted webhook body; larger deliveries are rejected with 413 before hashing.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();
}
