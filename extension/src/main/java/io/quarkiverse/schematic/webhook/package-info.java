/**
 * Public webhook API: {@link io.quarkiverse.schematic.webhook.WebhookVerifier} checks signatures of Schematic webhook
 * deliveries, {@link io.quarkiverse.schematic.webhook.SchematicWebhook} binds verification to a JAX-RS resource, and
 * {@link io.quarkiverse.schematic.webhook.SchematicWebhookEvent} with its data types describes a delivery. Users may
 * depend on it; it never depends on the internal {@code runtime} packages.
 */
package io.quarkiverse.schematic.webhook;
