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
 * Two service provider interfaces live here too, the documented ways into offline mode (the test kit of
 * {@code quarkus-schematic-test} uses both): {@link io.quarkiverse.schematic.OfflineEventListener} sees the events
 * offline mode drops, {@link io.quarkiverse.schematic.OfflineFlagSource} answers flag checks (with entitlements)
 * before the flag defaults.
 */
package io.quarkiverse.schematic;
