/**
 * Internal: webhook reception (request filter for {@code @SchematicWebhook} resources, the built-in endpoint, body
 * limits, the verifier built from configuration). Users use {@code io.quarkiverse.schematic.webhook}; not these types.
 */
package io.quarkiverse.schematic.runtime.webhook;
