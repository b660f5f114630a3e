/**
 * The test kit ({@code io.quarkiverse.schematic:quarkus-schematic-test}): {@link
 * io.quarkiverse.schematic.testing.SchematicTestResource} runs a {@code @QuarkusTest} offline and
 * {@link io.quarkiverse.schematic.testing.SchematicTestKit} sets flags and entitlements and shows the events sent. Users
 * may depend on the public types here in their tests. It is built on the public API and the documented
 * {@link io.quarkiverse.schematic.OfflineEventListener} and {@link io.quarkiverse.schematic.OfflineFlagSource}
 * extension points only, never on {@code runtime} internals.
 */
package io.quarkiverse.schematic.testing;
