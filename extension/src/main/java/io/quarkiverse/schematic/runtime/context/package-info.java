/**
 * Internal: the request context of flag checks. Resolves the caller's company and user keys once per request, from the
 * configured mapping ({@code quarkus.schematic.context.*}) or an application {@code SchematicContextResolver}.
 */
package io.quarkiverse.schematic.runtime.context;
