/**
 * Public API of the Schematic extension: inject {@link io.quarkiverse.schematic.SchematicService} (blocking) or
 * {@link io.quarkiverse.schematic.ReactiveSchematicService} (Mutiny) to check flags, send identify and track events
 * and upsert companies and users, or {@link io.quarkiverse.schematic.SchematicAccounts} (and its reactive twin) for
 * access tokens, feature usage, lookups, deletions and trait counters; the value types ({@code FlagCheck},
 * {@code Track}, {@code Identify}, ...) and the {@link io.quarkiverse.schematic.SchematicException} hierarchy they
 * use.
 * <p>
 * Users may depend on everything public here; it changes only compatibly. It never depends on the internal
 * {@code io.quarkiverse.schematic.runtime} packages ({@code PublicApiDependenciesTest} checks the class files).
 * One service provider interface lives here too: {@link io.quarkiverse.schematic.OfflineEventListener}, the documented
 * way to see the events offline mode drops (the test kit of {@code quarkus-schematic-test} uses it).
 */
package io.quarkiverse.schematic;
