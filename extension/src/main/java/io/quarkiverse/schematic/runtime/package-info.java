/**
 * Internal: the implementation behind the public API (services, producer, recorder). Not for users: anything here
 * may change in any release, as the Quarkus rule for {@code runtime} packages says.
 * <p>
 * {@link io.quarkiverse.schematic.runtime.SchematicCore} and the listener interfaces of the sub-packages
 * ({@code FlagCheckListener}, {@code ApiCallListener}) are deliberately not an SPI: their shapes follow internal needs
 * (metrics, health, Dev UI) and will change with local evaluation. They are beans only for the extension's own
 * code; no public type exposes them. Users observe the extension through its meters, its readiness check and
 * {@link io.quarkiverse.schematic.FlagCheck#source()}; the one supported extension point is
 * {@link io.quarkiverse.schematic.OfflineEventListener}.
 */
package io.quarkiverse.schematic.runtime;
