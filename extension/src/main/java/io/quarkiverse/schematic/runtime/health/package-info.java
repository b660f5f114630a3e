/**
 * Internal: the readiness check published with {@code quarkus-smallrye-health}. Users read its result, not these
 * types.
 */
package io.quarkiverse.schematic.runtime.health;
