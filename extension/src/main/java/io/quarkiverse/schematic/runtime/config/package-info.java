/**
 * Internal: the runtime configuration interfaces ({@code quarkus.schematic.*}), their defaults and property names,
 * the start-up validation and the config source that translates them into REST Client and Fault Tolerance settings.
 * Users configure the extension through the properties (see {@code docs/configuration.md}), not these types.
 */
package io.quarkiverse.schematic.runtime.config;
