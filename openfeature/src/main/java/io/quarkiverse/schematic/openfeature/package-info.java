/**
 * An OpenFeature provider backed by {@link io.quarkiverse.schematic.SchematicService}: {@link
 * io.quarkiverse.schematic.openfeature.SchematicProvider} answers boolean flags with Schematic's reason and metadata,
 * {@link io.quarkiverse.schematic.openfeature.ContextMapping} turns an evaluation context into company and user keys,
 * and {@link io.quarkiverse.schematic.openfeature.SchematicProviderProducer} registers the provider at start-up.
 */
package io.quarkiverse.schematic.openfeature;
