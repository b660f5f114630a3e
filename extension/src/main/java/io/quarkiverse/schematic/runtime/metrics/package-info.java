/**
 * Internal: the Micrometer meters ({@code schematic.*}) registered with {@code quarkus-micrometer}. Users read the
 * meters (see {@code docs/observability.md}), not these types.
 */
package io.quarkiverse.schematic.runtime.metrics;
